package se.techtank.members.events.readmodel;

import java.util.UUID;

import se.techtank.members.events.ContactEvents;
import se.techtank.members.events.ContactState;
import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;

/**
 * What a service that holds people's data does with {@code members.contact.v1} to honour erasures made in
 * members-service: it remembers (a hash of) each address a contact person has had ({@code added}, {@code
 * updated}; see {@link ContactEmails}) and, on {@code erased}, erases what it holds about that person.
 * {@link #apply} reads the event; the service's consumer runs it in the inbox.
 */
public interface ContactErasure {

    /** A contact person has (or had) this address. */
    void contactKnown(UUID contactId, String email);

    /** The contact person was erased in members-service; returns how many of this service's records lost them. */
    int contactErased(UUID contactId);

    /** Hands a {@code members.contact.v1} event to {@code erasure}; other facts ({@code removed}, later ones) do nothing. */
    static void apply(IncomingEvent event, ContactErasure erasure) {
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
