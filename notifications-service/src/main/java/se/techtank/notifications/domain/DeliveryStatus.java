package se.techtank.notifications.domain;

/**
 * Where a delivery stands: {@code SCHEDULED} (waits for its due time, e.g. a reminder) → {@code PENDING} (due,
 * a sender takes it) → {@code SENT} or {@code FAILED}; {@code SUPPRESSED} is never sent (see {@link
 * SuppressionReason}).
 */
public enum DeliveryStatus {
    SCHEDULED,
    PENDING,
    SENT,
    FAILED,
    SUPPRESSED;

    /** Whether a sender may still take it. */
    public boolean open() {
        return this == SCHEDULED || this == PENDING;
    }
}
