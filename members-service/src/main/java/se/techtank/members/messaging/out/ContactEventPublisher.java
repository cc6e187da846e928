package se.techtank.members.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.members.domain.Contact;
import se.techtank.platform.outbox.Outbox;

/** Records the facts about contact persons in the outbox, for topic {@code members.contact.v1}. */
@ApplicationScoped
public class ContactEventPublisher {

    static final String AGGREGATE = "contact";

    private final Outbox outbox;

    ContactEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code se.techtank.members.contact.added} */
    public void added(Contact contact) {
        outbox.record(AGGREGATE, contact.id(), "added", ContactStates.of(contact));
    }

    /** {@code se.techtank.members.contact.updated}: details or consents changed. */
    public void updated(Contact contact) {
        outbox.record(AGGREGATE, contact.id(), "updated", ContactStates.of(contact));
    }

    /**
     * {@code se.techtank.members.contact.removed}: the last state, without the person's personal data. The
     * contact's published events, which carry it, are deleted from the outbox.
     */
    public void removed(Contact contact) {
        outbox.record(AGGREGATE, contact.id(), "removed", ContactStates.removed(contact));
        outbox.forgetPublished(AGGREGATE, contact.id());
    }

    /**
     * {@code se.techtank.members.contact.erased}: the anonymous state; consumers erase the person too. The
     * contact's published events, which carry the personal data, are deleted from the outbox.
     */
    public void erased(Contact contact) {
        outbox.record(AGGREGATE, contact.id(), "erased", ContactStates.of(contact));
        outbox.forgetPublished(AGGREGATE, contact.id());
    }
}
