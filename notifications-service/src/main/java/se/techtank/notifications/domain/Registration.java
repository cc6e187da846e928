package se.techtank.notifications.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registration for a meeting, as events.registration.v1 last said (the projection; never edited here).
 * The attendee and the cancellation link (a secret) are gone once the registration is anonymised.
 */
@Entity
@Table(name = "registration")
public class Registration {

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(nullable = false)
    private String status;

    @Column(name = "attendee_name")
    private String attendeeName;

    @Column(name = "attendee_email")
    private String attendeeEmail;

    private String language;

    @Column(name = "cancellation_link")
    private String cancellationLink;

    private boolean anonymised;

    protected Registration() {}

    public UUID id() {
        return id;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public String status() {
        return status;
    }

    public String attendeeName() {
        return attendeeName;
    }

    public String attendeeEmail() {
        return attendeeEmail;
    }

    public String language() {
        return language;
    }

    public String cancellationLink() {
        return cancellationLink;
    }

    public boolean anonymised() {
        return anonymised;
    }

    /** A secret: never in a log line. */
    @Override
    public String toString() {
        return "Registration[" + id + ", " + status + "]";
    }
}
