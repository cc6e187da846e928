package se.techtank.programmes.domain;

/** What a company did in its intake. MEETING activities also come from attendance at linked meetings. */
public enum ActivityKind {
    MEETING,
    COACHING,
    WORKSHOP,
    STUDY_VISIT,
    ANALYSIS,
    OTHER
}
