package se.techtank.notifications.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.members.events.CompanyEvents;
import se.techtank.members.events.CompanyState;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.platform.events.IncomingEvent;

/** Membership decisions on members.company.v1, told to each of the company's contact persons. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MembershipNotices {

    static final Map<String, NotificationKind> KINDS = Map.of(
            CompanyEvents.MEMBERSHIP_ACTIVATED, NotificationKind.MEMBERSHIP_APPROVED,
            CompanyEvents.MEMBERSHIP_REJECTED, NotificationKind.MEMBERSHIP_REJECTED,
            CompanyEvents.MEMBERSHIP_SUSPENDED, NotificationKind.MEMBERSHIP_SUSPENDED);

    private final DeliveryPlanner planner;

    MembershipNotices(DeliveryPlanner planner) {
        this.planner = planner;
    }

    /** An event of members.company.v1; the facts other than these decisions are not mailed. */
    public void companyEvent(IncomingEvent event) {
        NotificationKind kind = KINDS.get(event.type());
        if (kind == null) {
            return;
        }
        CompanyState company = event.dataAs(CompanyState.class);
        planner.membership(event, kind, company.companyId(), company.name());
    }
}
