package se.techtank.programmes.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step in an application's history: who moved it, when, from which state to which, and why. */
@Entity
@Table(name = "application_transition")
public class ApplicationTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private ApplicationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private ApplicationStatus toStatus;

    private String reason;

    private String actor;

    @Column(nullable = false)
    private Instant at;

    protected ApplicationTransition() {}

    public static ApplicationTransition of(
            UUID applicationId, ApplicationStatus from, ApplicationStatus to, String reason, String actor, Instant at) {
        ApplicationTransition transition = new ApplicationTransition();
        transition.applicationId = applicationId;
        transition.fromStatus = from;
        transition.toStatus = to;
        transition.reason = reason;
        transition.actor = actor;
        transition.at = at;
        return transition;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public ApplicationStatus fromStatus() {
        return fromStatus;
    }

    public ApplicationStatus toStatus() {
        return toStatus;
    }

    public String reason() {
        return reason;
    }

    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }
}
