package se.techtank.members.api;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import se.techtank.kernel.OrganisationNumber;
import se.techtank.members.service.CompanyImportRow;
import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.InvalidRequestException;

/**
 * Reads a company import file: CSV in UTF-8 (an optional byte order mark), a header row naming the
 * columns, {@code ;} or {@code ,} between values (whichever the header row uses). Every row is checked
 * by the very rules of {@code POST /api/v1/companies}: it is turned into a {@link RegisterCompanyRequest}
 * and validated like one, so that the import and the JSON API can never disagree on what is valid.
 * Problems with the file as a whole (columns, encoding, size) reject the whole file before anything is
 * written; problems with a row reject that row only.
 */
final class CompanyImportFile {

    /** The columns an import file may have, by header name. */
    enum Column {
        organisationNumber(true),
        name(true),
        municipalityCode(true),
        primarySni(false),
        secondarySni(false),
        numberOfEmployees(false),
        website(false),
        street(false),
        postalCode(false),
        city(false);

        final boolean required;

        Column(boolean required) {
            this.required = required;
        }

        static Optional<Column> named(String header) {
            return Arrays.stream(values())
                    .filter(column -> column.name().equalsIgnoreCase(header))
                    .findFirst();
        }
    }

    /** Separates the codes of the {@code secondarySni} column. */
    static final String SNI_SEPARATOR = "|";

    /**
     * One data row as read: valid ({@code row} set) or rejected ({@code errors} set).
     *
     * @param organisationNumber normalised when valid, otherwise as written in the file
     */
    record ParsedRow(int rowNumber, String organisationNumber, CompanyImportRow row, List<FieldError> errors) {

        boolean valid() {
            return row != null;
        }
    }

    private final Validator validator;
    private final long maxBytes;
    private final int maxRows;

    CompanyImportFile(Validator validator, long maxBytes, int maxRows) {
        this.validator = validator;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    /** Every data row of {@code body}, in file order; blank lines are skipped. */
    List<ParsedRow> read(InputStream body) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new LimitedInputStream(body, maxBytes),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            skipByteOrderMark(reader);
            char delimiter = delimiterOf(reader);
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setTrim(true)
                    .setIgnoreSurroundingSpaces(true)
                    // Empty lines still count, so that row numbers are those a spreadsheet shows.
                    .setIgnoreEmptyLines(false)
                    .get();
            return rows(format.parse(reader));
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8();
            }
            throw malformed(e);
        } catch (IllegalStateException e) {
            // commons-csv reports broken quoting this way, naming the line.
            throw malformed(e);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private List<ParsedRow> rows(CSVParser parser) {
        var records = parser.iterator();
        if (!records.hasNext()) {
            throw new InvalidRequestException("file", "The file is empty: it needs a header row naming the columns.");
        }
        Map<Column, Integer> columns = header(records.next());
        List<ParsedRow> rows = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        while (records.hasNext()) {
            CSVRecord record = records.next();
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() == maxRows) {
                throw new ImportTooLargeException(
                        "The file has more than " + maxRows + " rows; split it into files of at most " + maxRows + ".");
            }
            rows.add(row((int) record.getRecordNumber(), record, columns, firstRowOf));
        }
        return rows;
    }

    /** Column → index; unknown, repeated or missing columns reject the file, all named at once. */
    private static Map<Column, Integer> header(CSVRecord header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            Optional<Column> column = Column.named(name);
            if (column.isEmpty()) {
                errors.add(new FieldError(name, "unknown column; the columns are " + knownColumns()));
            } else if (columns.putIfAbsent(column.get(), i) != null) {
                errors.add(new FieldError(name, "column given twice"));
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                errors.add(new FieldError(column.name(), "required column missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(
                    "The header row is invalid: "
                            + errors.stream()
                                    .map(error -> error.field() + " ("
                                            + error.message().replaceAll(";.*", "") + ")")
                                    .collect(Collectors.joining(", "))
                            + ".",
                    errors);
        }
        return columns;
    }

    private ParsedRow row(
            int rowNumber, CSVRecord record, Map<Column, Integer> columns, Map<String, Integer> firstRowOf) {
        String organisationNumber = value(record, columns, Column.organisationNumber);
        // A short row leaves its last columns empty; values beyond the header's columns are a mistake.
        if (record.stream().skip(columns.size()).anyMatch(extra -> !extra.isBlank())) {
            return rejected(
                    rowNumber,
                    organisationNumber,
                    List.of(new FieldError(
                            null,
                            "has " + record.size() + " values but the header row names " + columns.size()
                                    + " columns")));
        }
        List<FieldError> errors = new ArrayList<>();
        Integer employees = null;
        String employeesText = value(record, columns, Column.numberOfEmployees);
        if (employeesText != null) {
            try {
                employees = Integer.valueOf(employeesText);
            } catch (NumberFormatException e) {
                errors.add(new FieldError(Column.numberOfEmployees.name(), "must be a whole number"));
            }
        }
        RegisterCompanyRequest request = new RegisterCompanyRequest(
                organisationNumber,
                value(record, columns, Column.name),
                value(record, columns, Column.municipalityCode),
                sni(record, columns),
                employees,
                value(record, columns, Column.website),
                address(record, columns));
        for (ConstraintViolation<RegisterCompanyRequest> violation : validator.validate(request)) {
            errors.add(new FieldError(columnOf(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        Optional<String> normalised = OrganisationNumber.parse(organisationNumber);
        if (normalised.isPresent()) {
            Integer first = firstRowOf.putIfAbsent(normalised.get(), rowNumber);
            if (first != null) {
                errors.add(new FieldError(
                        Column.organisationNumber.name(),
                        "duplicate in file: row " + first + " has the same organisation number"));
            }
        }
        if (!errors.isEmpty()) {
            return rejected(rowNumber, normalised.orElse(organisationNumber), errors);
        }
        try {
            return new ParsedRow(
                    rowNumber,
                    normalised.get(),
                    new CompanyImportRow(
                            rowNumber,
                            OrganisationNumber.of(organisationNumber),
                            request.toCommand().profile()),
                    List.of());
        } catch (IllegalArgumentException e) {
            // The domain's own invariants, should a rule ever be missing from the request's annotations.
            return rejected(rowNumber, normalised.get(), List.of(new FieldError(null, e.getMessage())));
        }
    }

    private static ParsedRow rejected(int rowNumber, String organisationNumber, List<FieldError> errors) {
        List<FieldError> distinct = new ArrayList<>(new LinkedHashSet<>(errors));
        distinct.sort(java.util.Comparator.comparing((FieldError error) -> error.field() == null
                        ? -1
                        : Column.named(error.field()).map(Enum::ordinal).orElse(99))
                .thenComparing(FieldError::message));
        return new ParsedRow(rowNumber, organisationNumber, null, List.copyOf(distinct));
    }

    private static SniCodes sni(CSVRecord record, Map<Column, Integer> columns) {
        String primary = value(record, columns, Column.primarySni);
        String secondaryText = value(record, columns, Column.secondarySni);
        List<String> secondary = secondaryText == null
                ? List.of()
                : Arrays.stream(secondaryText.split("\\" + SNI_SEPARATOR))
                        .map(String::strip)
                        .filter(code -> !code.isEmpty())
                        .distinct()
                        .toList();
        if (primary == null && secondary.isEmpty()) {
            return null;
        }
        return new SniCodes(primary, secondary);
    }

    private static Address address(CSVRecord record, Map<Column, Integer> columns) {
        String street = value(record, columns, Column.street);
        String postalCode = value(record, columns, Column.postalCode);
        String city = value(record, columns, Column.city);
        if (street == null && postalCode == null && city == null) {
            return null;
        }
        return new Address(street, postalCode, city);
    }

    /** The row's value in {@code column}; null when the column is absent, the row too short, or blank. */
    private static String value(CSVRecord record, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** A field of {@link RegisterCompanyRequest} (e.g. {@code sni.secondary[1].<list element>}) → its column. */
    private static String columnOf(String propertyPath) {
        if (propertyPath.startsWith("sni.primary")) {
            return Column.primarySni.name();
        }
        if (propertyPath.startsWith("sni.secondary")) {
            return Column.secondarySni.name();
        }
        if (propertyPath.startsWith("postalAddress.")) {
            return propertyPath.substring("postalAddress.".length());
        }
        return propertyPath;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** {@code ;} if the header row has more of them than commas, otherwise {@code ,}. */
    private static char delimiterOf(BufferedReader reader) throws IOException {
        int limit = 64 * 1024;
        reader.mark(limit);
        int semicolons = 0;
        int commas = 0;
        for (int i = 0, c = reader.read(); i < limit && c != -1 && c != '\n' && c != '\r'; i++, c = reader.read()) {
            if (c == ';') {
                semicolons++;
            } else if (c == ',') {
                commas++;
            }
        }
        reader.reset();
        return semicolons > commas ? ';' : ',';
    }

    private static String knownColumns() {
        return Arrays.stream(Column.values())
                .map(column -> column.name() + (column.required ? " (required)" : ""))
                .collect(Collectors.joining(", "));
    }

    private static InvalidRequestException notUtf8() {
        return new InvalidRequestException("file", "The file is not valid UTF-8: save it as CSV UTF-8.");
    }

    private static InvalidRequestException malformed(Exception e) {
        String where = e.getMessage() == null ? "" : e.getMessage().replaceAll(".*\\(line (\\d+)\\).*", "line $1");
        return new InvalidRequestException(
                "file",
                "The file is not well-formed CSV"
                        + (where.startsWith("line ") ? " (" + where + ")" : "")
                        + ": check the quotes (\") around values.");
    }

    /** Stops reading, with a 413, once the body is larger than the limit. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new ImportTooLargeException(
                        "The file is larger than " + limit / (1024 * 1024) + " MB; split it into smaller files.");
            }
        }
    }
}
