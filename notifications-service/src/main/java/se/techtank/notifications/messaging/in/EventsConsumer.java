package se.techtank.notifications.messaging.in;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import se.techtank.notifications.service.MeetingNotices;
import se.techtank.platform.inbox.Inbox;

/** events-service's meetings and registrations ({@code events.meeting.v1}, {@code events.registration.v1}). */
@ApplicationScoped
public class EventsConsumer {

    static final String MEETINGS = "meeting-notices";
    static final String REGISTRATIONS = "registration-notices";

    private final Inbox inbox;
    private final MeetingNotices notices;

    EventsConsumer(Inbox inbox, MeetingNotices notices) {
        this.inbox = inbox;
        this.notices = notices;
    }

    @Incoming("events-meeting")
    @Blocking
    public void onMeetingEvent(ConsumerRecord<String, String> record) {
        inbox.process(MEETINGS, record, notices::meetingEvent);
    }

    @Incoming("events-registration")
    @Blocking
    public void onRegistrationEvent(ConsumerRecord<String, String> record) {
        inbox.process(REGISTRATIONS, record, notices::registrationEvent);
    }
}
