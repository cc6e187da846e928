package se.techtank.kernel;

import java.util.Optional;

/**
 * A Swedish organisationsnummer, normalised to {@code NNNNNN-NNNN}. Accepted with or without the
 * hyphen and with the {@code 16} prefix of the 12-digit form; digits 3–4 are at least 20 (which tells
 * it from a personnummer) and the last digit is the Luhn check digit of the first nine.
 */
public record OrganisationNumber(String value) {

    public OrganisationNumber {
        if (parse(value).filter(value::equals).isEmpty()) {
            throw new IllegalArgumentException("Not a normalised organisation number: " + value);
        }
    }

    /** Normalises and checks {@code text}; empty if it is not a valid organisation number. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip();
        if (digits.matches("\\d{6}-\\d{4}|16\\d{6}-\\d{4}")) {
            digits = digits.replace("-", "");
        }
        if (!digits.matches("\\d{10}|\\d{12}")) {
            return Optional.empty();
        }
        if (digits.length() == 12) {
            if (!digits.startsWith("16")) {
                return Optional.empty();
            }
            digits = digits.substring(2);
        }
        if (Integer.parseInt(digits.substring(2, 4)) < 20 || !luhnValid(digits)) {
            return Optional.empty();
        }
        return Optional.of(digits.substring(0, 6) + "-" + digits.substring(6));
    }

    public static OrganisationNumber of(String text) {
        return new OrganisationNumber(
                parse(text).orElseThrow(() -> new IllegalArgumentException("Invalid organisation number: " + text)));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int digit = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
