package se.techtank.members.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A Swedish postal address: street, postal code (NNN NN) and town. */
@Embeddable
public record PostalAddress(
        @Column(name = "address_street") String street,
        @Column(name = "address_postal_code") String postalCode,
        @Column(name = "address_city") String city) {

    /** {@code 29380}, {@code 293 80} → {@code 293 80}; null if it is not five digits. */
    public static String normalisePostalCode(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replace(" ", "");
        return digits.matches("\\d{5}") ? digits.substring(0, 3) + " " + digits.substring(3) : null;
    }
}
