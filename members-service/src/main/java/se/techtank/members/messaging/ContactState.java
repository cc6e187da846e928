package se.techtank.members.messaging;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import se.techtank.members.domain.Consent;
import se.techtank.members.domain.ConsentStatus;
import se.techtank.members.domain.Contact;
import se.techtank.platform.validation.EmailAddress;

/**
 * The contact's current state as every event on {@code members.contact.v1} carries it (schema {@code
 * contracts/members/contact.v1.json}). Name, e-mail and phone are personal data: they are absent once
 * the person is erased or removed, so that compaction leaves no trace of them on the topic. Fields are
 * only ever added.
 *
 * @param consents consent code → whether it is given and since when
 * @param erased the person was erased (GDPR): personal fields are absent for good
 * @param removed the contact was removed from the company: the last event about it
 */
public record ContactState(
        UUID contactId,
        UUID companyId,
        String name,
        String email,
        String phone,
        String role,
        String language,
        Map<String, ConsentState> consents,
        boolean erased,
        OffsetDateTime erasedAt,
        boolean removed,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    /** One consent: given or withdrawn, and when that last changed. */
    public record ConsentState(boolean given, OffsetDateTime changedAt) {}

    /** The state of a live or erased contact. */
    public static ContactState of(Contact contact) {
        return new ContactState(
                contact.id(),
                contact.companyId(),
                contact.name().orElse(null),
                contact.email().map(EmailAddress::value).orElse(null),
                contact.phone().orElse(null),
                contact.role().orElse(null),
                contact.language().code(),
                consents(contact.consents()),
                contact.isErased(),
                contact.erasedAt().orElse(null),
                false,
                contact.createdAt(),
                contact.modifiedAt());
    }

    /** The last state of a contact removed from its company: without the person's name, e-mail and phone. */
    public static ContactState removed(Contact contact) {
        return new ContactState(
                contact.id(),
                contact.companyId(),
                null,
                null,
                null,
                contact.role().orElse(null),
                contact.language().code(),
                consents(contact.consents()),
                false,
                null,
                true,
                contact.createdAt(),
                contact.modifiedAt());
    }

    private static Map<String, ConsentState> consents(Map<Consent, ConsentStatus> consents) {
        Map<String, ConsentState> states = new LinkedHashMap<>();
        consents.forEach(
                (consent, status) -> states.put(consent.name(), new ConsentState(status.given(), status.changedAt())));
        return states;
    }
}
