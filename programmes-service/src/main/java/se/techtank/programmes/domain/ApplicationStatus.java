package se.techtank.programmes.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * An application's lifecycle: {@code SUBMITTED → APPROVED | REJECTED | WAITLISTED}, {@code WAITLISTED →
 * APPROVED | REJECTED}, {@code APPROVED → ENROLLED → COMPLETED}; {@code WITHDRAWN} from any open state.
 */
public enum ApplicationStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    WAITLISTED,
    ENROLLED,
    COMPLETED,
    WITHDRAWN;

    /** The states an application may move to from this one. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED, WAITLISTED, WITHDRAWN);
            case WAITLISTED -> EnumSet.of(APPROVED, REJECTED, WITHDRAWN);
            case APPROVED -> EnumSet.of(ENROLLED, WITHDRAWN);
            case ENROLLED -> EnumSet.of(COMPLETED, WITHDRAWN);
            case REJECTED, COMPLETED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    /** Whether the application still stands: neither decided against nor over. */
    public boolean open() {
        return !next().isEmpty();
    }

    /** Whether the application holds one of the intake's seats. */
    public boolean holdsSeat() {
        return this == APPROVED || this == ENROLLED || this == COMPLETED;
    }
}
