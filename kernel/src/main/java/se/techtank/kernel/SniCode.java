package se.techtank.kernel;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An SNI 2007 industry code (the Swedish NACE Rev. 2), normalised to {@code dd}, {@code dd.d}, {@code
 * dd.dd} or {@code dd.ddd} by level (division, group, class, detailed). Accepted with or without the
 * dot; the division (first two digits) must exist. Section C (divisions 10–33) is manufacturing.
 */
public record SniCode(String value) {

    /** Division → section letter, for every division of SNI 2007 (the ranges have no gaps). */
    private static final Map<Integer, Character> SECTION_OF_DIVISION = sections();

    public SniCode {
        if (parse(value).filter(value::equals).isEmpty()) {
            throw new IllegalArgumentException("Not a normalised SNI code: " + value);
        }
    }

    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip();
        if (digits.matches("\\d{2}\\.\\d{1,3}")) {
            digits = digits.replace(".", "");
        }
        if (!digits.matches("\\d{2,5}") || !SECTION_OF_DIVISION.containsKey(Integer.parseInt(digits.substring(0, 2)))) {
            return Optional.empty();
        }
        return Optional.of(digits.length() == 2 ? digits : digits.substring(0, 2) + "." + digits.substring(2));
    }

    public static SniCode of(String text) {
        return new SniCode(parse(text).orElseThrow(() -> new IllegalArgumentException("Invalid SNI code: " + text)));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    public int division() {
        return Integer.parseInt(value.substring(0, 2));
    }

    /** The section letter (A–U); C is manufacturing. */
    public char section() {
        return SECTION_OF_DIVISION.get(division());
    }

    private static Map<Integer, Character> sections() {
        Map<Integer, Character> map = new TreeMap<>();
        put(map, 'A', 1, 3);
        put(map, 'B', 5, 9);
        put(map, 'C', 10, 33);
        put(map, 'D', 35, 35);
        put(map, 'E', 36, 39);
        put(map, 'F', 41, 43);
        put(map, 'G', 45, 47);
        put(map, 'H', 49, 53);
        put(map, 'I', 55, 56);
        put(map, 'J', 58, 63);
        put(map, 'K', 64, 66);
        put(map, 'L', 68, 68);
        put(map, 'M', 69, 75);
        put(map, 'N', 77, 82);
        put(map, 'O', 84, 84);
        put(map, 'P', 85, 85);
        put(map, 'Q', 86, 88);
        put(map, 'R', 90, 93);
        put(map, 'S', 94, 96);
        put(map, 'T', 97, 98);
        put(map, 'U', 99, 99);
        return Map.copyOf(map);
    }

    private static void put(Map<Integer, Character> map, char section, int from, int to) {
        for (int division = from; division <= to; division++) {
            map.put(division, section);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
