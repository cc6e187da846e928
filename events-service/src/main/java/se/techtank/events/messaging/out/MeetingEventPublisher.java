package se.techtank.events.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.events.domain.Meeting;
import se.techtank.platform.outbox.Outbox;

/**
 * Records the facts about meetings in the outbox, for topic {@code events.meeting.v1}. Drafts are not
 * announced: the first event of a meeting is {@code published}.
 */
@ApplicationScoped
public class MeetingEventPublisher {

    static final String AGGREGATE = "meeting";

    private final Outbox outbox;

    MeetingEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Meeting meeting) {
        record(meeting, "published");
    }

    /** Time or place of a published meeting changed: attendees must be told (calendar SEQUENCE raised). */
    public void rescheduled(Meeting meeting) {
        record(meeting, "rescheduled");
    }

    /** Anything else of a published meeting changed (texts, capacity, …). */
    public void updated(Meeting meeting) {
        record(meeting, "updated");
    }

    public void cancelled(Meeting meeting) {
        record(meeting, "cancelled");
    }

    public void completed(Meeting meeting) {
        record(meeting, "completed");
    }

    private void record(Meeting meeting, String fact) {
        outbox.record(AGGREGATE, meeting.id(), fact, MeetingState.of(meeting));
    }
}
