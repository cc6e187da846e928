package se.techtank.programmes.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import se.techtank.platform.problem.RuleViolationException;

/**
 * An intake (omgång) of a programme: the partners that run it, the counties it serves, its application
 * window, when it runs and its seats. {@code PLANNED → OPEN → CLOSED → COMPLETED}: a job opens and closes the
 * window on time, staff may do it by hand. Seats are taken at approval by the database (see {@link
 * IntakeRepository#takeSeat}); {@code seatsTaken} here is read only.
 */
@Entity
@Table(name = "intake")
public class Intake {

    @Id
    private UUID id;

    @Column(name = "programme_id", nullable = false)
    private UUID programmeId;

    @Column(nullable = false)
    private String name;

    @Column(name = "operating_partners", nullable = false)
    private String[] operatingPartners;

    @Column(nullable = false)
    private String[] counties;

    @Column(name = "application_opens_at", nullable = false)
    private Instant applicationOpensAt;

    @Column(name = "application_closes_at", nullable = false)
    private Instant applicationClosesAt;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(nullable = false)
    private int seats;

    @Column(name = "seats_taken", insertable = false, updatable = false)
    private int seatsTaken;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IntakeStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Version
    private long version;

    protected Intake() {}

    public static Intake plan(UUID programmeId, IntakeDetails details, Instant now) {
        Intake intake = new Intake();
        intake.id = UUID.randomUUID();
        intake.programmeId = programmeId;
        intake.status = IntakeStatus.PLANNED;
        intake.createdAt = now;
        intake.change(details, now);
        return intake;
    }

    /** Replaces the details; seats never below those taken, and a completed intake is not changed. */
    public void change(IntakeDetails details, Instant now) {
        if (status == IntakeStatus.COMPLETED) {
            throw new IllegalIntakeTransitionException("change", status);
        }
        if (!details.applicationClosesAt().isAfter(details.applicationOpensAt())) {
            throw new RuleViolationException("applicationClosesAt", "must be after applicationOpensAt");
        }
        if (details.endsOn().isBefore(details.startsOn())) {
            throw new RuleViolationException("endsOn", "must be on or after startsOn");
        }
        if (details.seats() < seatsTaken) {
            throw new RuleViolationException("seats", "must be at least the " + seatsTaken + " seats already taken");
        }
        this.name = details.name().strip();
        this.operatingPartners =
                details.operatingPartners().stream().distinct().sorted().toArray(String[]::new);
        this.counties = details.counties().stream().distinct().sorted().toArray(String[]::new);
        this.applicationOpensAt = details.applicationOpensAt();
        this.applicationClosesAt = details.applicationClosesAt();
        this.startsOn = details.startsOn();
        this.endsOn = details.endsOn();
        this.seats = details.seats();
        this.modifiedAt = now;
    }

    public void open(Instant now) {
        if (status != IntakeStatus.PLANNED && status != IntakeStatus.CLOSED) {
            throw new IllegalIntakeTransitionException("open", status);
        }
        status = IntakeStatus.OPEN;
        modifiedAt = now;
    }

    public void close(Instant now) {
        if (status != IntakeStatus.OPEN) {
            throw new IllegalIntakeTransitionException("close", status);
        }
        status = IntakeStatus.CLOSED;
        modifiedAt = now;
    }

    public void complete(Instant now) {
        if (status != IntakeStatus.CLOSED) {
            throw new IllegalIntakeTransitionException("complete", status);
        }
        status = IntakeStatus.COMPLETED;
        modifiedAt = now;
    }

    /** Whether applications are taken at {@code now}: open, and inside the window. */
    public boolean takesApplications(Instant now) {
        return status == IntakeStatus.OPEN && !now.isBefore(applicationOpensAt) && now.isBefore(applicationClosesAt);
    }

    public UUID id() {
        return id;
    }

    public UUID programmeId() {
        return programmeId;
    }

    public String name() {
        return name;
    }

    public List<String> operatingPartners() {
        return List.of(operatingPartners);
    }

    public List<String> counties() {
        return List.of(counties);
    }

    public Set<String> countySet() {
        return Set.of(counties);
    }

    public Instant applicationOpensAt() {
        return applicationOpensAt;
    }

    public Instant applicationClosesAt() {
        return applicationClosesAt;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public int seats() {
        return seats;
    }

    public int seatsTaken() {
        return seatsTaken;
    }

    public IntakeStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public long version() {
        return version;
    }
}
