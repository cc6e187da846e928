package se.techtank.events.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a registration stands. */
public enum RegistrationStatus {
    /** Waiting for staff to approve or decline (meetings that require approval); holds no seat. */
    PENDING_APPROVAL,
    /** Holds a seat. */
    CONFIRMED,
    /** On the waitlist, with a position; promoted in order when a seat frees up. */
    WAITLISTED,
    /** Cancelled by the attendee, by staff, or with the meeting. */
    CANCELLED,
    /** Declined by staff. */
    DECLINED,
    /** Checked in at the meeting. */
    ATTENDED,
    /** Confirmed but not checked in when the meeting was completed. */
    NO_SHOW;

    /** The states that count as "registered": one per e-mail address and meeting. */
    public static final Set<RegistrationStatus> ACTIVE =
            EnumSet.of(PENDING_APPROVAL, CONFIRMED, WAITLISTED, ATTENDED, NO_SHOW);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
