package se.techtank.members.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import se.techtank.kernel.Language;
import se.techtank.platform.validation.EmailAddress;

/**
 * What describes a contact person: everything adding a contact sets and an update replaces. Values
 * are already checked for form by the API; this keeps them normalised.
 *
 * @param phone optional, normalised by {@link PhoneNumber}
 * @param role the person's role or title at the company, optional
 * @param consents the consents the person has given; any other is withdrawn
 */
public record ContactDetails(
        String name, EmailAddress email, String phone, String role, Language language, Set<Consent> consents) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ROLE_LENGTH = 200;

    public ContactDetails {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A contact has a name");
        }
        Objects.requireNonNull(email, "A contact has an e-mail address");
        name = name.strip();
        phone = phone == null || phone.isBlank()
                ? null
                : PhoneNumber.parse(phone).orElseThrow(() -> new IllegalArgumentException("Invalid phone number"));
        role = role == null || role.isBlank() ? null : role.strip();
        language = language == null ? Language.DEFAULT : language;
        consents = consents == null || consents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(consents));
    }
}
