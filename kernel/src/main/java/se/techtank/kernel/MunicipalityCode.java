package se.techtank.kernel;

import java.util.Set;

/**
 * A Swedish municipality code (SCB kommunkod): four digits, the first two a county code. Blekinge is
 * county 10 (Olofström 1060, Karlskrona 1080, Ronneby 1081, Karlshamn 1082, Sölvesborg 1083).
 */
public final class MunicipalityCode {

    private static final Set<String> COUNTY_CODES = Set.of(
            "01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22",
            "23", "24", "25");

    public static final String BLEKINGE_COUNTY = "10";

    private MunicipalityCode() {}

    public static boolean isValid(String code) {
        // Checked by hand rather than with String.matches, which compiles its pattern on every call: this
        // runs for every company of every list page.
        if (code == null || code.length() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return COUNTY_CODES.contains(code.substring(0, 2));
    }

    public static boolean inBlekinge(String code) {
        return isValid(code) && code.startsWith(BLEKINGE_COUNTY);
    }

    /** The county (län) code of a valid municipality code, e.g. {@code 10} for Karlskrona (1080). */
    public static String county(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("Not a municipality code: " + code);
        }
        return code.substring(0, 2);
    }

    /** Whether {@code county} is one of Sweden's 21 county codes (SCB länskod), e.g. {@code 10} Blekinge. */
    public static boolean isValidCounty(String county) {
        return county != null && COUNTY_CODES.contains(county);
    }
}
