package se.techtank.programmes.domain;

/** An intake (omgång): planned, open for applications in its window, closed, completed after its end. */
public enum IntakeStatus {
    PLANNED,
    OPEN,
    CLOSED,
    COMPLETED
}
