package se.techtank.members.events;

import java.util.List;

/**
 * The events of topic {@code members.contact.v1} (docs/events.md): key and {@code ce_subject} are the
 * contact id, and every event carries the contact's current state, {@link ContactState}, without personal
 * data once the person is erased or removed. A consumer acknowledges and ignores a type it does not know.
 */
public final class ContactEvents {

    public static final String TOPIC = "members.contact.v1";

    public static final String ADDED = "se.techtank.members.contact.added";
    public static final String UPDATED = "se.techtank.members.contact.updated";
    /** The last event about a contact removed from its company, without name, e-mail and phone. */
    public static final String REMOVED = "se.techtank.members.contact.removed";
    /** The person was erased (GDPR): consumers erase or anonymise what they hold about them. */
    public static final String ERASED = "se.techtank.members.contact.erased";

    /** Every type above; each carries a {@link ContactState}. */
    public static final List<String> TYPES = List.of(ADDED, UPDATED, REMOVED, ERASED);

    private ContactEvents() {}

    /** The schema of a type, as its {@code ce_dataschema} names it, e.g. {@code contracts/members/contact.erased.v1.json}. */
    public static String schema(String type) {
        return MembersEventNames.schema(type);
    }
}
