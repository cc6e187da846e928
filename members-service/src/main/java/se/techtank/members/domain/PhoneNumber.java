package se.techtank.members.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number, loosely checked: digits, spaces, hyphens and a leading {@code +}, as people write
 * them ({@code 0454-30 00 00}, {@code +46 454 30 00 00}). Runs of blanks become one space.
 */
public final class PhoneNumber {

    private static final Pattern FORM = Pattern.compile("\\+?[0-9][0-9 -]*[0-9]");
    public static final int MAX_LENGTH = 30;
    private static final int MIN_DIGITS = 5;

    private PhoneNumber() {}

    /** The normalised number, or empty if {@code text} is not a phone number. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String number = text.strip().replaceAll("\\s+", " ");
        if (number.length() > MAX_LENGTH
                || !FORM.matcher(number).matches()
                || number.chars().filter(Character::isDigit).count() < MIN_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(number);
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }
}
