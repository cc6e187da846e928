package se.techtank.events.domain;

/** What sort of meeting it is. A branschträff is an {@link #INDUSTRY_MEETING}. */
public enum MeetingKind {
    /** Branschträff: the autumn meeting held in each municipality with its business office. */
    INDUSTRY_MEETING,
    /** A conference such as Leankonferens Blekinge. */
    CONFERENCE,
    WORKSHOP,
    WEBINAR,
    NETWORKING
}
