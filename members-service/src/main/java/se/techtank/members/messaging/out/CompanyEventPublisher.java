package se.techtank.members.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.members.domain.Company;
import se.techtank.members.domain.MembershipTransition;
import se.techtank.platform.outbox.Outbox;

/** Records the facts about companies in the outbox, for topic {@code members.company.v1}. */
@ApplicationScoped
public class CompanyEventPublisher {

    static final String AGGREGATE = "company";

    private final Outbox outbox;

    CompanyEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code se.techtank.members.company.registered} */
    public void registered(Company company) {
        outbox.record(AGGREGATE, company.id(), "registered", CompanyStates.of(company));
    }

    /**
     * {@code se.techtank.members.company.membership-<applied|activated|rejected|suspended|terminated>}
     * after a change of membership status; {@code updated} after a renewal that kept it active.
     */
    public void membershipChanged(Company company, MembershipTransition transition) {
        String fact = transition.from() == transition.to()
                ? "updated"
                : switch (transition.to()) {
                    case APPLIED -> "membership-applied";
                    case ACTIVE -> "membership-activated";
                    case REJECTED -> "membership-rejected";
                    case SUSPENDED -> "membership-suspended";
                    case TERMINATED -> "membership-terminated";
                };
        outbox.record(AGGREGATE, company.id(), fact, CompanyStates.of(company));
    }

    /** {@code se.techtank.members.company.needs-assessed}: the current needs after an assessment. */
    public void needsAssessed(Company company) {
        outbox.record(AGGREGATE, company.id(), "needs-assessed", CompanyStates.of(company));
    }

    /** {@code se.techtank.members.company.updated}: the profile changed. */
    public void updated(Company company) {
        outbox.record(AGGREGATE, company.id(), "updated", CompanyStates.of(company));
    }
}
