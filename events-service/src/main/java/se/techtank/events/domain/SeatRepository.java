package se.techtank.events.domain;

import java.util.OptionalInt;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import se.techtank.platform.jdbc.PlainSql;

/**
 * The seat and waitlist bookkeeping of meetings, as atomic conditional updates: whatever the load, the
 * database never confirms more than the capacity ({@code confirmed_count < capacity} in the update and
 * the {@code meeting_seats} check constraint) and waitlist positions stay unique ({@code
 * registration_waitlist_unique}) and without gaps. Callers hold the meeting's lock ({@link
 * MeetingRepository#findForUpdate}).
 */
@ApplicationScoped
public class SeatRepository {

    private final EntityManager entityManager;

    SeatRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes a seat if one is left; {@code false} when the meeting is full. */
    public boolean take(UUID meetingId) {
        return entityManager.createNativeQuery("""
                                update meeting set confirmed_count = confirmed_count + 1
                                where id = ?1 and confirmed_count < capacity
                                """).setParameter(1, meetingId).executeUpdate() == 1;
    }

    /**
     * Takes a seat if one is left and the meeting is still at {@code version}, i.e. not edited (published,
     * cancelled, capacity changed, …) since the caller read it without a lock. The update takes the row lock
     * itself. {@code false} when full or changed.
     */
    public boolean takeIfUnchanged(UUID meetingId, long version) {
        // Plain SQL, as the next: they run for every registration (PlainSql); nothing is pending before them.
        return PlainSql.update(entityManager, """
                        update meeting set confirmed_count = confirmed_count + 1
                        where id = ? and version = ? and confirmed_count < capacity
                        """, meetingId, version) == 1;
    }

    /**
     * Puts one more at the end of the waitlist if the meeting is full and still at {@code version}; its
     * position, or empty when a seat is free again or the meeting changed. Takes the row lock itself.
     */
    public OptionalInt joinWaitlistIfFullAndUnchanged(UUID meetingId, long version) {
        return PlainSql.first(entityManager, """
                        update meeting set waitlist_length = waitlist_length + 1
                        where id = ? and version = ? and confirmed_count >= capacity
                        returning waitlist_length
                        """, row -> row.getInt(1), meetingId, version)
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    /** Takes {@code count} seats at once, all or none; {@code false} if fewer are left. */
    public boolean take(UUID meetingId, int count) {
        return entityManager
                        .createNativeQuery("""
                                update meeting set confirmed_count = confirmed_count + ?2
                                where id = ?1 and confirmed_count + ?2 <= capacity
                                """)
                        .setParameter(1, meetingId)
                        .setParameter(2, count)
                        .executeUpdate()
                == 1;
    }

    /** Frees a seat. */
    public void release(UUID meetingId) {
        int updated = entityManager
                .createNativeQuery(
                        "update meeting set confirmed_count = confirmed_count - 1 where id = ?1 and confirmed_count > 0")
                .setParameter(1, meetingId)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No confirmed seat to free in meeting " + meetingId);
        }
    }

    /** Puts one more at the end of the waitlist; returns its position (1 for the first). */
    public int joinWaitlist(UUID meetingId) {
        Object position = entityManager
                .createNativeQuery(
                        "update meeting set waitlist_length = waitlist_length + 1 where id = ?1 returning waitlist_length")
                .setParameter(1, meetingId)
                .getSingleResult();
        return ((Number) position).intValue();
    }

    /**
     * Removes {@code count} places from the waitlist after the registrations at positions {@code
     * from .. from+count-1} left it (cancelled or promoted; already written), moving everyone behind
     * them up.
     */
    public void leaveWaitlist(UUID meetingId, int from, int count) {
        entityManager.flush(); // the leavers' own rows first
        entityManager
                .createNativeQuery("""
                        update registration set waitlist_position = waitlist_position - ?3
                        where meeting_id = ?1 and status = 'WAITLISTED' and waitlist_position >= ?2
                        """)
                .setParameter(1, meetingId)
                .setParameter(2, from + count)
                .setParameter(3, count)
                .executeUpdate();
        entityManager
                .createNativeQuery("update meeting set waitlist_length = waitlist_length - ?2 where id = ?1")
                .setParameter(1, meetingId)
                .setParameter(2, count)
                .executeUpdate();
    }

    /** Seats left and waitlist length as the database has them now. */
    public Counts counts(UUID meetingId) {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("select capacity, confirmed_count, waitlist_length from meeting where id = ?1")
                .setParameter(1, meetingId)
                .getSingleResult();
        return new Counts(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), ((Number) row[2]).intValue());
    }

    /** A meeting's seats. */
    public record Counts(int capacity, int confirmed, int waitlisted) {
        public int seatsLeft() {
            return Math.max(0, capacity - confirmed);
        }
    }

    /** Nobody waits any more (the meeting is over; the waitlisted rows were already written). */
    public void clearWaitlist(UUID meetingId) {
        entityManager.flush();
        entityManager
                .createNativeQuery("update meeting set waitlist_length = 0 where id = ?1")
                .setParameter(1, meetingId)
                .executeUpdate();
    }

    /** Empties the meeting (it was cancelled): no seat taken, nobody waiting. */
    public void clear(UUID meetingId) {
        entityManager.flush();
        entityManager
                .createNativeQuery("update meeting set confirmed_count = 0, waitlist_length = 0 where id = ?1")
                .setParameter(1, meetingId)
                .executeUpdate();
    }
}
