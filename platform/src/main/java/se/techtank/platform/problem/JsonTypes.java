package se.techtank.platform.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a request field must be, in the words of the API's documents rather than Java's: a problem answer
 * names no Java type, class or package (docs/api-conventions.md), so "cannot be read as LocalDateTime"
 * becomes "must be a date and time, e.g. …".
 */
final class JsonTypes {

    private JsonTypes() {}

    static String describe(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == LocalDateTime.class) {
            return "a date and time, local in Europe/Stockholm (2026-10-15T08:00) or with an offset "
                    + "(2026-10-15T06:00:00Z)";
        }
        if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class) {
            return "a date and time with an offset (2026-10-15T08:00:00+02:00 or 2026-10-15T06:00:00Z)";
        }
        if (type == LocalDate.class) {
            return "a date (2026-10-15)";
        }
        if (type == LocalTime.class) {
            return "a time of day (08:00)";
        }
        if (type == UUID.class) {
            return "a UUID (0f8fad5b-d9cb-469f-a165-70867728950e)";
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class
                || type == Double.class
                || type == float.class
                || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
