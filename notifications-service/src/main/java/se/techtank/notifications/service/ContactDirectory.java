package se.techtank.notifications.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.members.events.ContactState;
import se.techtank.notifications.domain.ContactRepository;
import se.techtank.notifications.domain.DeliveryRepository;

/**
 * The contact persons notifications may write to, kept from members.contact.v1: a live contact with its
 * address, language and consents; a removed one deleted; an erased person deleted and blanked in the
 * delivery log (nothing unsent goes out to them). A contact who arrives after a membership decision of their
 * company is told of it then ({@link MembershipNotices}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContactDirectory {

    private final ContactRepository contacts;
    private final DeliveryRepository deliveries;
    private final MembershipNotices membershipNotices;
    private final Clock clock = Clock.systemUTC();

    ContactDirectory(ContactRepository contacts, DeliveryRepository deliveries, MembershipNotices membershipNotices) {
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.membershipNotices = membershipNotices;
    }

    /** The contact as an event of {@code eventTime} describes it (added or updated). */
    public void changed(ContactState contact, OffsetDateTime eventTime) {
        if (contact.erased()) {
            erased(contact.contactId());
            return;
        }
        if (contact.removed()) {
            removed(contact.contactId());
            return;
        }
        List<String> consents = contact.consents() == null
                ? List.of()
                : contact.consents().entrySet().stream()
                        .filter(consent ->
                                consent.getValue() != null && consent.getValue().given())
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList();
        membershipNotices.lockCompany(contact.companyId());
        contacts.upsert(
                contact.contactId(),
                contact.companyId(),
                contact.name(),
                contact.email(),
                DeliveryPlanner.language(contact.language()),
                consents,
                contact.createdAt(),
                eventTime);
        membershipNotices.contactArrived(contact.contactId());
    }

    public void removed(UUID contactId) {
        contacts.remove(contactId);
    }

    /** The person was erased (GDPR): gone from the directory and from the delivery log. */
    public void erased(UUID contactId) {
        contacts.remove(contactId);
        deliveries.eraseContact(contactId, clock.instant());
    }
}
