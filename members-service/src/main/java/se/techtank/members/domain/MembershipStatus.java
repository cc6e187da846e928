package se.techtank.members.domain;

/**
 * Where a company stands as a member: {@code APPLIED → ACTIVE ⇄ SUSPENDED → TERMINATED}, and {@code
 * APPLIED → REJECTED}. A company that never applied has no membership status.
 */
public enum MembershipStatus {
    APPLIED,
    ACTIVE,
    SUSPENDED,
    TERMINATED,
    REJECTED;

    /** Whether a new application may start from here (never applied, or the last one ended). */
    public static boolean mayApply(MembershipStatus current) {
        return current == null || current == TERMINATED || current == REJECTED;
    }
}
