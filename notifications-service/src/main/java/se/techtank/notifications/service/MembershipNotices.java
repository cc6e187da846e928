package se.techtank.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.members.events.CompanyEvents;
import se.techtank.members.events.CompanyState;
import se.techtank.notifications.config.NotificationsConfig;
import se.techtank.notifications.domain.Contact;
import se.techtank.notifications.domain.ContactRepository;
import se.techtank.notifications.domain.MembershipDecision;
import se.techtank.notifications.domain.MembershipDecisionRepository;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.platform.events.IncomingEvent;

/**
 * Membership decisions on members.company.v1, told to each contact person the company had when the decision
 * was made. Contacts come on members.contact.v1, which is not ordered against the company's topic: a contact
 * projected after the decision arrived is told when the contact arrives, as long as the decision is news
 * ({@code max-event-age}). Both paths lock the company, so neither misses the other.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MembershipNotices {

    static final Map<String, NotificationKind> KINDS = Map.of(
            CompanyEvents.MEMBERSHIP_ACTIVATED, NotificationKind.MEMBERSHIP_APPROVED,
            CompanyEvents.MEMBERSHIP_REJECTED, NotificationKind.MEMBERSHIP_REJECTED,
            CompanyEvents.MEMBERSHIP_SUSPENDED, NotificationKind.MEMBERSHIP_SUSPENDED);

    private final DeliveryPlanner planner;
    private final MembershipDecisionRepository decisions;
    private final ContactRepository contacts;
    private final NotificationsConfig config;
    private final Clock clock = Clock.systemUTC();

    MembershipNotices(
            DeliveryPlanner planner,
            MembershipDecisionRepository decisions,
            ContactRepository contacts,
            NotificationsConfig config) {
        this.planner = planner;
        this.decisions = decisions;
        this.contacts = contacts;
        this.config = config;
    }

    /** An event of members.company.v1; the facts other than these decisions are not mailed. */
    public void companyEvent(IncomingEvent event) {
        NotificationKind kind = KINDS.get(event.type());
        if (kind == null) {
            return;
        }
        CompanyState company = event.dataAs(CompanyState.class);
        Instant now = clock.instant();
        MembershipDecision decision = new MembershipDecision(
                UUID.fromString(event.id()),
                event.type(),
                company.companyId(),
                kind,
                company.name(),
                event.time() == null ? now : event.time().toInstant());
        decisions.lockCompany(company.companyId());
        decisions.forgetBefore(now.minus(config.maxEventAge()));
        decisions.record(decision);
        planner.membership(event, decision);
    }

    /**
     * A contact person was added or changed (already projected, in this transaction): the company's decisions
     * made since the contact was created, still news, that were not yet planned for them.
     */
    public void contactArrived(UUID contactId) {
        Contact contact = contacts.findById(contactId);
        if (contact == null || contact.email() == null) {
            return;
        }
        Instant notBefore = clock.instant().minus(config.maxEventAge());
        for (MembershipDecision decision : decisions.of(contact.companyId(), contact.createdAt(), notBefore)) {
            planner.membership(decision, contact);
        }
    }

    /** Taken before a contact of {@code companyId} is projected (see {@link MembershipDecisionRepository#lockCompany}). */
    public void lockCompany(UUID companyId) {
        decisions.lockCompany(companyId);
    }
}
