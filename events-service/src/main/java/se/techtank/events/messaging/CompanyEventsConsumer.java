package se.techtank.events.messaging;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import se.techtank.events.service.CompanyReadModel;
import se.techtank.events.service.CompanySnapshot;
import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;
import se.techtank.platform.inbox.Inbox;

/** Projects {@code members.company.v1} into the company read model, each event once. */
@ApplicationScoped
public class CompanyEventsConsumer {

    static final String CONSUMER = "company-read-model";
    /** The company facts of EVENTS.md; each carries the whole state. Other types are acknowledged and ignored. */
    private static final Set<String> COMPANY_STATE_EVENTS = Set.of(
            "se.techtank.members.company.registered",
            "se.techtank.members.company.updated",
            "se.techtank.members.company.membership-applied",
            "se.techtank.members.company.membership-activated",
            "se.techtank.members.company.membership-rejected",
            "se.techtank.members.company.membership-suspended",
            "se.techtank.members.company.membership-terminated",
            "se.techtank.members.company.needs-assessed");

    private final Inbox inbox;
    private final CompanyReadModel readModel;

    CompanyEventsConsumer(Inbox inbox, CompanyReadModel readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming("members-company")
    @Blocking
    public void onCompanyEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (!COMPANY_STATE_EVENTS.contains(event.type())) {
            return;
        }
        CompanyPayload payload = event.dataAs(CompanyPayload.class);
        if (payload.companyId() == null
                || payload.organisationNumber() == null
                || payload.name() == null
                || payload.municipalityCode() == null) {
            throw new MalformedEventException(event + " lacks companyId, organisationNumber, name or municipalityCode");
        }
        OffsetDateTime asOf = event.time() != null ? event.time() : payload.modifiedAt();
        readModel.apply(new CompanySnapshot(
                payload.companyId(),
                payload.organisationNumber(),
                payload.name(),
                payload.municipalityCode(),
                Boolean.TRUE.equals(payload.inBlekinge()),
                payload.membership() == null ? null : payload.membership().status(),
                asOf != null ? asOf : OffsetDateTime.now()));
    }

    /** The fields of contracts/members/company.v1.json this service uses. */
    record CompanyPayload(
            UUID companyId,
            String organisationNumber,
            String name,
            String municipalityCode,
            Boolean inBlekinge,
            Membership membership,
            OffsetDateTime modifiedAt) {

        record Membership(String status) {}
    }
}
