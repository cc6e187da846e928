package se.techtank.events.domain;

/** {@code DRAFT → PUBLISHED → COMPLETED}, or {@code → CANCELLED} from draft or published. */
public enum MeetingStatus {
    DRAFT,
    PUBLISHED,
    COMPLETED,
    CANCELLED
}
