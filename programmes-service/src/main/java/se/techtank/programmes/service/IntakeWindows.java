package se.techtank.programmes.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import se.techtank.platform.jobs.JobLock;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.IntakeRepository;
import se.techtank.programmes.domain.Programme;
import se.techtank.programmes.domain.ProgrammeRepository;
import se.techtank.programmes.domain.ProgrammeStatus;
import se.techtank.programmes.messaging.out.ProgrammeEventPublisher;

/**
 * Opens the intakes of published programmes when their application window opens, closes open intakes
 * when it closes ({@code intake-opened}, {@code intake-closed}), and completes closed intakes the day after
 * they end (Stockholm dates; {@code programme.updated}). Every replica's scheduler fires; the one
 * that takes the job's lock runs it, the others skip it. Each intake changes in a transaction of its own.
 */
@ApplicationScoped
public class IntakeWindows {

    static final String LOCK = "programmes.intake-windows";

    private static final Logger LOG = Logger.getLogger(IntakeWindows.class);
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final IntakeRepository intakes;
    private final ProgrammeRepository programmes;
    private final ProgrammeEventPublisher events;
    private final JobLock lock;

    IntakeWindows(
            IntakeRepository intakes, ProgrammeRepository programmes, ProgrammeEventPublisher events, JobLock lock) {
        this.intakes = intakes;
        this.programmes = programmes;
        this.events = events;
        this.lock = lock;
    }

    @Scheduled(
            every = "${techtank.programmes.intake-window-check:60s}",
            delayed = "${techtank.programmes.intake-window-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int changed = apply(Instant.now());
        if (changed > 0) {
            LOG.infof("Opened or closed %d intakes whose application window opened or closed", changed);
        }
    }

    /**
     * Opens and closes the intakes due at {@code now}; how many changed, or -1 when another replica holds the
     * job's lock.
     */
    public int apply(Instant now) {
        return lock.tryCall(LOCK, () -> {
                    int changed = 0;
                    for (UUID id : QuarkusTransaction.requiringNew()
                            .call(() -> intakes.dueToClose(now).stream()
                                    .map(Intake::id)
                                    .toList())) {
                        changed += QuarkusTransaction.requiringNew().call(() -> close(id, now));
                    }
                    for (UUID id : QuarkusTransaction.requiringNew()
                            .call(() -> intakes.dueToOpen(now).stream()
                                    .map(Intake::id)
                                    .toList())) {
                        changed += QuarkusTransaction.requiringNew().call(() -> open(id, now));
                    }
                    LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
                    for (UUID id : QuarkusTransaction.requiringNew()
                            .call(() -> intakes.dueToComplete(today).stream()
                                    .map(Intake::id)
                                    .toList())) {
                        changed += QuarkusTransaction.requiringNew().call(() -> complete(id, today, now));
                    }
                    return changed;
                })
                .orElse(-1);
    }

    private int close(UUID id, Instant now) {
        Intake intake = intakes.findForUpdate(id).orElseThrow();
        if (!intake.status().equals(se.techtank.programmes.domain.IntakeStatus.OPEN)
                || intake.applicationClosesAt().isAfter(now)) {
            return 0; // changed since it was listed
        }
        intake.close(now);
        intakes.flush();
        events.intakeClosed(programmes.findById(intake.programmeId()), intake);
        return 1;
    }

    private int complete(UUID id, LocalDate today, Instant now) {
        Intake intake = intakes.findForUpdate(id).orElseThrow();
        if (intake.status() != se.techtank.programmes.domain.IntakeStatus.CLOSED
                || !intake.endsOn().isBefore(today)) {
            return 0; // changed since it was listed
        }
        intake.complete(now);
        intakes.flush();
        Programme programme = programmes.findById(intake.programmeId());
        if (programme.status() == ProgrammeStatus.PUBLISHED) {
            events.updated(programme);
        }
        return 1;
    }

    private int open(UUID id, Instant now) {
        Intake intake = intakes.findForUpdate(id).orElseThrow();
        Programme programme = programmes.findById(intake.programmeId());
        if (programme.status() != ProgrammeStatus.PUBLISHED
                || intake.status() != se.techtank.programmes.domain.IntakeStatus.PLANNED
                || intake.applicationOpensAt().isAfter(now)
                || !intake.applicationClosesAt().isAfter(now)) {
            return 0; // not due (yet), or its programme is not published
        }
        intake.open(now);
        intakes.flush();
        events.intakeOpened(programme, intake);
        return 1;
    }
}
