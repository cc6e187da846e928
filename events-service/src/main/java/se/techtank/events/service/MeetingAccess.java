package se.techtank.events.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.ForbiddenException;
import org.hibernate.ReadOnlyMode;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingRepository;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.events.query.MeetingFilter;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.security.Caller;

/**
 * Who may see and manage which meeting: staff every meeting; a municipality (its business office)
 * those in its own municipality, which it co-arranges; everyone else the published ones (and the
 * cancelled and completed, whose pages and calendar entries stay). Anything else answers as not found,
 * so that ids of drafts cannot be probed.
 */
@ApplicationScoped
public class MeetingAccess {

    private final Caller caller;
    private final MeetingRepository meetings;

    MeetingAccess(Caller caller, MeetingRepository meetings) {
        this.caller = caller;
        this.meetings = meetings;
    }

    public boolean mayManage(Meeting meeting) {
        return mayManageIn(meeting.municipalityCode());
    }

    public boolean mayManageIn(String municipalityCode) {
        return caller.isStaff()
                || (caller.isMunicipality()
                        && municipalityCode != null
                        && caller.municipalityCode()
                                .filter(municipalityCode::equals)
                                .isPresent());
    }

    /**
     * Whose drafts the caller may list: every municipality's ({@link MeetingFilter#ALL_MUNICIPALITIES})
     * for staff, its own for a municipality, nobody's ({@code null}) for anyone else.
     */
    public String draftsListedIn() {
        if (caller.isAnonymous()) {
            return null; // the public calendar: asked most, and no role to look up
        }
        if (caller.isStaff()) {
            return MeetingFilter.ALL_MUNICIPALITIES;
        }
        return caller.isMunicipality() ? caller.municipalityCode().orElse(null) : null;
    }

    public boolean maySee(Meeting meeting) {
        return meeting.status() != MeetingStatus.DRAFT || mayManage(meeting);
    }

    /** Checks that the caller may plan a meeting in {@code municipalityCode}. */
    public void checkMayPlanIn(String municipalityCode) {
        if (!mayManageIn(municipalityCode)) {
            throw new ForbiddenException("A municipality plans meetings in its own municipality only.");
        }
    }

    /** The meeting if the caller may see it; otherwise not found. */
    public Meeting visible(UUID id) {
        return meetings.findByIdOptional(id).filter(this::maySee).orElseThrow(() -> notFound(id));
    }

    /**
     * The meeting if the caller may see it, read-only: the transaction does not change it through the entity
     * (no snapshot kept for dirty checking, nothing to check at the flush). For reading it on every registration.
     */
    public Meeting visibleReadOnly(UUID id) {
        return Optional.ofNullable(meetings.getEntityManager().find(Meeting.class, id, ReadOnlyMode.READ_ONLY))
                .filter(this::maySee)
                .orElseThrow(() -> notFound(id));
    }

    /** The meeting, locked, if the caller may see it. */
    public Meeting visibleForUpdate(UUID id) {
        return meetings.findForUpdate(id).filter(this::maySee).orElseThrow(() -> notFound(id));
    }

    /**
     * The same meeting, read again and locked for the rest of the transaction (it may have changed since it
     * was read without a lock); not found if it is no longer visible to the caller.
     */
    public Meeting lockVisible(Meeting meeting) {
        meetings.getEntityManager().refresh(meeting, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (!maySee(meeting)) {
            throw notFound(meeting.id());
        }
        return meeting;
    }

    /** The meeting, locked, if the caller manages it; otherwise not found (also when merely visible). */
    public Meeting managedForUpdate(UUID id) {
        return meetings.findForUpdate(id).filter(this::mayManage).orElseThrow(() -> notFound(id));
    }

    /** The meeting if the caller manages it. */
    public Meeting managed(UUID id) {
        return meetings.findByIdOptional(id).filter(this::mayManage).orElseThrow(() -> notFound(id));
    }

    public static NotFoundException notFound(UUID id) {
        return new NotFoundException("Meeting", id);
    }
}
