package se.techtank.programmes.domain;

/** The eligibility rules a programme may set; each is optional. */
public enum EligibilityRule {
    /** At most so many employees. */
    MAX_EMPLOYEES,
    /** One of the size classes (MICRO, SMALL, MEDIUM, LARGE). */
    SIZE_CLASS,
    /** A primary SNI code in one of the sections (letters) or divisions (two digits). */
    INDUSTRY,
    /** Located in one of the counties (the intake's counties served, else the programme's). */
    COUNTY,
    /** Located in one of the municipalities. */
    MUNICIPALITY,
    /** An active Techtank membership. */
    ACTIVE_MEMBERSHIP
}
