package se.techtank.programmes.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hibernate.jpa.HibernateHints;

import se.techtank.platform.jdbc.PlainSql;

/**
 * Intakes, and their seats as atomic conditional updates: whatever the load, the database never approves
 * more applications than seats ({@code seats_taken < seats} in the update and the {@code intake_seats}
 * check constraint).
 */
@ApplicationScoped
public class IntakeRepository implements PanacheRepositoryBase<Intake, UUID> {

    /** An intake with its programme, one query; both read-only (a submission or check changes neither). */
    public Optional<Offered> offered(UUID intakeId) {
        return offers("i.id = ?1", intakeId).stream().findFirst();
    }

    /** The intakes open for applications with their published programmes, soonest closing first; read-only. */
    public List<Offered> openOffers() {
        return offers(
                "i.status = ?1 and p.status = ?2 order by i.applicationClosesAt, i.id",
                IntakeStatus.OPEN,
                ProgrammeStatus.PUBLISHED);
    }

    private List<Offered> offers(String condition, Object... parameters) {
        var query = getEntityManager()
                .createQuery(
                        "select i, p from Intake i join Programme p on p.id = i.programmeId where " + condition,
                        Object[].class)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList().stream()
                .map(row -> new Offered((Intake) row[0], (Programme) row[1]))
                .toList();
    }

    /** An intake and the programme it belongs to. */
    public record Offered(Intake intake, Programme programme) {}

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
