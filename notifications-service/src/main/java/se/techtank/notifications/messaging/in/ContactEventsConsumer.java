package se.techtank.notifications.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import se.techtank.members.events.ContactEvents;
import se.techtank.members.events.ContactState;
import se.techtank.notifications.service.ContactDirectory;
import se.techtank.platform.inbox.Inbox;

/** Keeps the contact persons notifications write to from {@code members.contact.v1} (inbox, dead-letter topic). */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "contact-directory";

    private final Inbox inbox;
    private final ContactDirectory directory;

    ContactEventsConsumer(Inbox inbox, ContactDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @Incoming("members-contact")
    @Blocking
    public void onContactEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, event -> {
            ContactState contact = event.dataAs(ContactState.class);
            switch (event.type()) {
                case ContactEvents.ADDED, ContactEvents.UPDATED -> directory.changed(contact, event.time());
                case ContactEvents.REMOVED -> directory.removed(contact.contactId());
                case ContactEvents.ERASED -> directory.erased(contact.contactId());
                default -> {
                    // A fact added later: acknowledged and ignored (docs/events.md).
                }
            }
        });
    }
}
