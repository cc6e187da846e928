package se.techtank.programmes.messaging.in;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;
import se.techtank.programmes.service.ActivityService;

/**
 * Follows {@code events.registration.v1} for participation: an {@code attended} registration at a meeting
 * linked to an intake logs a MEETING activity for the company's enrolled application. Other facts are
 * acknowledged and ignored.
 */
@ApplicationScoped
public class RegistrationEventsConsumer {

    static final String CONSUMER = "participation";
    static final String ATTENDED = "se.techtank.events.registration.attended";

    private final se.techtank.platform.inbox.Inbox inbox;
    private final ActivityService activities;

    RegistrationEventsConsumer(se.techtank.platform.inbox.Inbox inbox, ActivityService activities) {
        this.inbox = inbox;
        this.activities = activities;
    }

    @Incoming("events-registration")
    @Blocking
    public void onRegistrationEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (!ATTENDED.equals(event.type())) {
            return;
        }
        JsonNode data = event.data();
        JsonNode meeting = data.path("meeting");
        try {
            activities.attended(
                    UUID.fromString(data.path("registrationId").asText()),
                    UUID.fromString(data.path("meetingId").asText()),
                    data.hasNonNull("organisationNumber")
                            ? data.get("organisationNumber").asText()
                            : null,
                    OffsetDateTime.parse(meeting.path("start").asText()),
                    OffsetDateTime.parse(meeting.path("end").asText()),
                    meeting.path("title").path("sv").asText(null));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException(event + " lacks registrationId, meetingId or the meeting's times: " + e);
        }
    }
}
