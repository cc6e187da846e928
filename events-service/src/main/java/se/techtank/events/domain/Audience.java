package se.techtank.events.domain;

/** Who may register. */
public enum Audience {
    /** Anyone, without an account. */
    PUBLIC,
    /** People of member companies: a member token, or the organisation number of an active member. */
    MEMBERS_ONLY
}
