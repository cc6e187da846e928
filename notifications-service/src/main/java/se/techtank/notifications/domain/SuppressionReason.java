package se.techtank.notifications.domain;

/** Why a delivery is not sent. */
public enum SuppressionReason {
    /** The event is older than {@code techtank.notifications.max-event-age}: a replay, not news. */
    STALE,
    /** The recipient has no address (a contact without e-mail, an anonymised registration). */
    NO_ADDRESS,
    /** An optional kind whose consent the person has not given. */
    NO_CONSENT,
    /** An optional kind the person turned off. */
    OPTED_OUT,
    /** The person was erased (GDPR) before it was sent. */
    ERASED,
    /** What it was about no longer holds (a reminder of a meeting that was cancelled or moved). */
    OUTDATED
}
