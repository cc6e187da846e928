package se.techtank.events.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Meetings. */
@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    /**
     * The meeting, locked until the transaction ends: every command that changes its seats, waitlist or
     * lifecycle takes this lock first, so they happen one after the other per meeting.
     */
    public Optional<Meeting> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
