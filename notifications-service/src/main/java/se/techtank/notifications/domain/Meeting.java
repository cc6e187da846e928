package se.techtank.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published meeting, as events.meeting.v1 last said (the projection; never edited here). */
@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int sequence;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    /** The event's payload: title, description, venue, online link, focus areas, audience. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String state;

    protected Meeting() {}

    public UUID id() {
        return id;
    }

    public String status() {
        return status;
    }

    public int sequence() {
        return sequence;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    /** The event's payload as JSON text. */
    public String state() {
        return state;
    }
}
