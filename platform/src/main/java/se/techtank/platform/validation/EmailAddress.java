package se.techtank.platform.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address, normalised: surrounding blanks removed and the domain in lower case (domains are
 * case-insensitive). The local part keeps its case as written, but two addresses that differ only in
 * case are the same person's: {@link #comparable()} is what uniqueness compares.
 */
public record EmailAddress(String value) {

    /** Pragmatic, not RFC 5322: what people actually type, with a dotted domain. */
    private static final Pattern FORM = Pattern.compile("(?U)[\\w!#$%&'*+/=?^`{|}~-]+(\\.[\\w!#$%&'*+/=?^`{|}~-]+)*"
            + "@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+\\p{L}{2,}");

    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (parse(value).filter(value::equals).isEmpty()) {
            throw new IllegalArgumentException("Not a normalised e-mail address: " + value);
        }
    }

    /** The normalised address, or empty if {@code text} is not an e-mail address. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip();
        if (address.length() > MAX_LENGTH || !FORM.matcher(address).matches()) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        if (at > 64) {
            return Optional.empty();
        }
        return Optional.of(
                address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    public static EmailAddress of(String text) {
        return new EmailAddress(
                parse(text).orElseThrow(() -> new IllegalArgumentException("Invalid e-mail address: " + text)));
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** The form two addresses are compared in: {@code Anna.Berg@Volvo.se} and {@code anna.berg@volvo.se} are one. */
    public String comparable() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * The hash a person's address is found by without keeping it (erasure, duplicates): SHA-256 of the
     * lower-case address, in hex. The same in every service, so one erased address is found everywhere.
     */
    public static String hashOf(String address) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #hashOf(String)} of this address. */
    public String hash() {
        return hashOf(value);
    }
}
