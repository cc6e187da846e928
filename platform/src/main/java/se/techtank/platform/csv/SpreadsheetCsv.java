package se.techtank.platform.csv;

/**
 * CSV for Excel with a Swedish locale, the way every download of the API writes it: UTF-8 with a byte order
 * mark, {@code ;} separated, CRLF line ends, fields quoted when needed, and a leading {@code '} before a
 * value that a spreadsheet would otherwise run as a formula (CSV injection).
 */
public final class SpreadsheetCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private final StringBuilder csv = new StringBuilder("\uFEFF");

    private SpreadsheetCsv() {}

    /** A document that starts with {@code header} (written as given: the caller's column names). */
    public static SpreadsheetCsv withHeader(String... header) {
        SpreadsheetCsv document = new SpreadsheetCsv();
        document.row(header);
        return document;
    }

    /** Appends one row; null fields are empty. */
    public SpreadsheetCsv row(String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append(field(fields[i] == null ? "" : fields[i]));
        }
        csv.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return csv.toString();
    }

    /** One field, made safe: formula characters neutralised, quoted if it holds {@code ;}, {@code "} or a line break. */
    public static String field(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
