package se.techtank.members.events.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.Transactional;

import se.techtank.members.events.ContactEvents;
import se.techtank.members.events.ContactState;
import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;
import se.techtank.platform.validation.EmailAddress;

/**
 * What a service that holds people's data does to honour erasures: it remembers (a hash of) each address a
 * member company's contact person has had ({@code added}, {@code updated} on {@code members.contact.v1};
 * {@link ContactEmails}) and, when the person is erased in members-service, or on staff's request by
 * address, erases what it holds about them. A service's bean extends this and says what erasing means for
 * its records ({@link #anonymise}); its consumer hands the events to {@link #apply}.
 */
public abstract class ContactErasure {

    private ContactEmails contactEmails;

    /** For the container's proxies only. */
    protected ContactErasure() {}

    protected ContactErasure(ContactEmails contactEmails) {
        this.contactEmails = contactEmails;
    }

    /**
     * Erases the person from this service's records found by these address hashes (each record once: again
     * changes nothing); how many records lost the person now. Runs in the caller's transaction.
     */
    protected abstract int anonymise(Collection<String> emailHashes);

    /** Remembers (the hash of) an e-mail address a member company's contact person has. */
    @Transactional
    public void contactKnown(UUID contactId, String email) {
        if (email != null && EmailAddress.isValid(email)) {
            contactEmails.remember(contactId, EmailAddress.hashOf(email));
        }
    }

    /** A contact person was erased in members-service: they leave this service's records too. */
    @Transactional
    public int contactErased(UUID contactId) {
        int anonymised = anonymise(contactEmails.hashesOf(contactId));
        contactEmails.forget(contactId);
        return anonymised;
    }

    /** Erases whoever this service knows by {@code email} (staff, for people who are no member's contact). */
    @Transactional
    public int erase(EmailAddress email) {
        return anonymise(List.of(email.hash()));
    }

    /** Hands a {@code members.contact.v1} event to {@code erasure}; other facts ({@code removed}, later ones) do nothing. */
    public static void apply(IncomingEvent event, ContactErasure erasure) {
        switch (event.type()) {
            case ContactEvents.ADDED, ContactEvents.UPDATED -> {
                ContactState contact = payload(event);
                erasure.contactKnown(contact.contactId(), contact.email());
            }
            case ContactEvents.ERASED -> erasure.contactErased(payload(event).contactId());
            default -> {
                // removed, and types added later: nothing to do here
            }
        }
    }

    private static ContactState payload(IncomingEvent event) {
        ContactState payload = event.dataAs(ContactState.class);
        if (payload.contactId() == null) {
            throw new MalformedEventException(event + " lacks contactId");
        }
        return payload;
    }
}
