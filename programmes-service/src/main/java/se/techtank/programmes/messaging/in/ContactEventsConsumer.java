package se.techtank.programmes.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import se.techtank.members.events.readmodel.ContactErasure;
import se.techtank.platform.inbox.Inbox;
import se.techtank.programmes.service.ApplicantErasure;

/**
 * Follows {@code members.contact.v1} for one purpose: when a contact person is erased there, they leave the
 * applications here. To find them, it keeps a hash of each address a contact has had ({@code added},
 * {@code updated}); never the address itself.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "contact-erasure";

    private final Inbox inbox;
    private final ApplicantErasure erasure;

    ContactEventsConsumer(Inbox inbox, ApplicantErasure erasure) {
        this.inbox = inbox;
        this.erasure = erasure;
    }

    @Incoming("members-contact")
    @Blocking
    public void onContactEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, event -> ContactErasure.apply(event, erasure));
    }
}
