package se.techtank.events.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import se.techtank.events.service.AttendeeErasure;
import se.techtank.members.events.readmodel.ContactErasure;
import se.techtank.platform.inbox.Inbox;

/**
 * Follows {@code members.contact.v1} for one purpose: when a contact person is erased there, their
 * registrations here are anonymised. To find them, it keeps a hash of each address a contact has had
 * ({@code added}, {@code updated}); never the address itself.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "contact-erasure";

    private final Inbox inbox;
    private final AttendeeErasure erasure;

    ContactEventsConsumer(Inbox inbox, AttendeeErasure erasure) {
        this.inbox = inbox;
        this.erasure = erasure;
    }

    @Incoming("members-contact")
    @Blocking
    public void onContactEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, event -> ContactErasure.apply(event, erasure));
    }
}
