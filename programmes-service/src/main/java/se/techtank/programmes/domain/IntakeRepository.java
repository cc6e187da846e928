package se.techtank.programmes.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.jdbc.PlainSql;

/**
 * Intakes, and their seats as atomic conditional updates: whatever the load, the database never approves
 * more applications than seats ({@code seats_taken < seats} in the update and the {@code intake_seats}
 * check constraint).
 */
@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<Intake, UUID> {

    public Optional<Intake> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Intake> ofProgramme(UUID programmeId) {
        return list("programmeId = ?1 order by applicationOpensAt, id", programmeId);
    }

    /** Takes a seat if one is left; {@code false} when the intake is full. Takes the row lock itself. */
    public boolean takeSeat(UUID intakeId) {
        return PlainSql.update(getEntityManager(), """
                        update intake set seats_taken = seats_taken + 1
                        where id = ? and seats_taken < seats
                        """, intakeId) == 1;
    }

    /** Gives a seat back (an approved application withdrawn). */
    public void releaseSeat(UUID intakeId) {
        PlainSql.update(getEntityManager(), """
                        update intake set seats_taken = seats_taken - 1
                        where id = ? and seats_taken > 0
                        """, intakeId);
    }

    /** The seats taken now, as the database counts them. */
    public int seatsTaken(UUID intakeId) {
        return PlainSql.first(
                        getEntityManager(),
                        "select seats_taken from intake where id = ?",
                        row -> row.getInt(1),
                        intakeId)
                .orElseThrow();
    }

    /** Planned intakes whose window has opened and not yet closed. */
    public List<Intake> dueToOpen(Instant now) {
        return list("status = ?1 and applicationOpensAt <= ?2 and applicationClosesAt > ?2", IntakeStatus.PLANNED, now);
    }

    /** Closed intakes that ended before {@code today}. */
    public List<Intake> dueToComplete(java.time.LocalDate today) {
        return list("status = ?1 and endsOn < ?2", IntakeStatus.CLOSED, today);
    }

    /** Open intakes whose window has closed. */
    public List<Intake> dueToClose(Instant now) {
        return list("status = ?1 and applicationClosesAt <= ?2", IntakeStatus.OPEN, now);
    }
}
