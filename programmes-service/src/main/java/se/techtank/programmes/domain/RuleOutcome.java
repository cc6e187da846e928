package se.techtank.programmes.domain;

/** How a company fares against one eligibility rule: UNKNOWN when the fact the rule needs is not known. */
public enum RuleOutcome {
    PASSED,
    FAILED,
    UNKNOWN
}
