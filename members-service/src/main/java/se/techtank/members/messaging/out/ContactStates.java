package se.techtank.members.messaging.out;

import java.util.LinkedHashMap;
import java.util.Map;

import se.techtank.members.domain.Consent;
import se.techtank.members.domain.ConsentStatus;
import se.techtank.members.domain.Contact;
import se.techtank.members.events.ContactState;
import se.techtank.members.events.ContactState.ConsentState;
import se.techtank.platform.validation.EmailAddress;

/** The payload of every event on {@code members.contact.v1}, from the contact as it is now. */
final class ContactStates {

    private ContactStates() {}

    /** The state of a live or erased contact. */
    static ContactState of(Contact contact) {
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
    static ContactState removed(Contact contact) {
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
