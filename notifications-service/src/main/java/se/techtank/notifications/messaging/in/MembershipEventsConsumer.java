package se.techtank.notifications.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import se.techtank.notifications.service.MembershipNotices;
import se.techtank.platform.inbox.Inbox;

/**
 * Reads {@code members.company.v1} a second time, in a group of its own, for the membership decisions to
 * mail (the company read model's consumer, from members-events, reads it for the projection).
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "membership-notices";

    private final Inbox inbox;
    private final MembershipNotices notices;

    MembershipEventsConsumer(Inbox inbox, MembershipNotices notices) {
        this.inbox = inbox;
        this.notices = notices;
    }

    @Incoming("membership-notices")
    @Blocking
    public void onCompanyEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, notices::companyEvent);
    }
}
