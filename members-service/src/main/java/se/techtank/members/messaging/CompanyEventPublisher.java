package se.techtank.members.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.members.domain.Company;
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
        outbox.record(AGGREGATE, company.id(), "registered", CompanyState.of(company));
    }

    /** {@code se.techtank.members.company.updated}: the profile changed. */
    public void updated(Company company) {
        outbox.record(AGGREGATE, company.id(), "updated", CompanyState.of(company));
    }
}
