package se.techtank.programmes.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import se.techtank.platform.problem.RuleViolationException;

/** Something an enrolled company did in its intake, with the hours it took (in quarter hours). */
@Entity
@Table(name = "activity")
public class Activity {

    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal MAX_HOURS = new BigDecimal("24");

    @Id
    private UUID id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityKind kind;

    @Column(nullable = false)
    private BigDecimal hours;

    private String note;

    @Column(name = "registration_id")
    private UUID registrationId;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Activity() {}

    public static Activity log(
            UUID applicationId,
            LocalDate occurredOn,
            ActivityKind kind,
            BigDecimal hours,
            String note,
            UUID registrationId,
            String createdBy,
            Instant now) {
        if (hours.signum() <= 0
                || hours.compareTo(MAX_HOURS) > 0
                || hours.remainder(QUARTER).signum() != 0) {
            throw new RuleViolationException("hours", "must be in quarter hours, more than 0 and at most 24");
        }
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.applicationId = applicationId;
        activity.occurredOn = occurredOn;
        activity.kind = kind;
        activity.hours = hours.setScale(2);
        activity.note = note == null || note.isBlank() ? null : note.strip();
        activity.registrationId = registrationId;
        activity.createdBy = createdBy;
        activity.createdAt = now;
        return activity;
    }

    /** {@code minutes} rounded to the nearest quarter hour, at least one quarter. */
    public static BigDecimal quarterHours(long minutes) {
        long quarters = Math.max(1, Math.round(minutes / 15.0));
        return BigDecimal.valueOf(quarters).multiply(QUARTER);
    }

    public UUID id() {
        return id;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public ActivityKind kind() {
        return kind;
    }

    public BigDecimal hours() {
        return hours;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public Optional<UUID> registrationId() {
        return Optional.ofNullable(registrationId);
    }

    public Optional<String> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
