package se.techtank.platform.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.InvalidRequestException;

/**
 * Reads the filter parameters of a list operation the one way every service answers them
 * (docs/api-conventions.md): blank counts as absent, values are stripped, and each malformed parameter
 * adds a {@link FieldError} naming it, so that {@link #throwIfInvalid} answers one 400 ({@code
 * invalid-request}) listing every mistake. Paging and sorting are {@link
 * se.techtank.platform.paging.PageRequest}'s.
 *
 * <p>Used by a resource's {@code @BeanParam} class: its fields carry the {@code @QueryParam}s and their
 * OpenAPI descriptions, its method turns them into the domain's filter with one of these.
 */
public final class QueryParameters {

    private final List<FieldError> errors = new ArrayList<>();

    /** The value stripped, or null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Free text of at most {@code maxLength} characters. */
    public String text(String name, String value, int maxLength) {
        String text = text(value);
        if (text != null && text.length() > maxLength) {
            reject(name, "must be at most " + maxLength + " characters");
        }
        return text;
    }

    /** One constant of {@code type} by its name, refused with the list of the names. */
    public <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        return oneOf(name, value, type, mustBeOneOf(type));
    }

    /** One constant of {@code type} by its name, refused with {@code message}. */
    public <E extends Enum<E>> E oneOf(String name, String value, Class<E> type, String message) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            reject(name, message);
            return null;
        }
    }

    /**
     * A repeatable parameter of constants, each occurrence possibly comma-separated ({@code status=A,B&status=C}):
     * the set named, empty when absent. Each malformed value adds an error.
     */
    public <E extends Enum<E>> Set<E> allOf(String name, List<String> values, Class<E> type) {
        Set<E> constants = EnumSet.noneOf(type);
        if (values == null) {
            return constants;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                E constant = oneOf(name, part, type);
                if (constant != null) {
                    constants.add(constant);
                }
            }
        }
        return constants;
    }

    /** An ISO-8601 date, e.g. {@code 2026-10-01}. */
    public LocalDate date(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            reject(name, "must be a date, e.g. 2026-10-01");
            return null;
        }
    }

    /** An ISO-8601 time with offset, e.g. {@code 2026-10-01T00:00:00Z}. */
    public OffsetDateTime time(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 time with offset, e.g. 2026-10-01T00:00:00Z");
            return null;
        }
    }

    /** A UUID, e.g. the id of a record to filter by. */
    public UUID uuid(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            reject(name, "must be a UUID");
            return null;
        }
    }

    /** Records a parameter the caller checked itself (a code with its own rules, say) as malformed. */
    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** The errors so far, in the order the parameters were read. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /**
     * @throws InvalidRequestException (400) with {@code detail} and every error, if there is any
     */
    public void throwIfInvalid(String detail) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(detail, errors());
        }
    }

    /** {@code must be one of A, B, C}, the constants in declaration order. */
    public static <E extends Enum<E>> String mustBeOneOf(Class<E> type) {
        return "must be one of "
                + String.join(", ", EnumSet.allOf(type).stream().map(Enum::name).toList());
    }
}
