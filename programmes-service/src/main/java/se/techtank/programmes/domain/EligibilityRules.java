package se.techtank.programmes.domain;

import java.util.List;

/**
 * A programme's eligibility rules, each optional (null or empty: no such rule). Stored as JSON on the
 * programme.
 *
 * @param sizeClasses MICRO, SMALL, MEDIUM, LARGE
 * @param sniSections SNI 2007 section letters, e.g. C (manufacturing)
 * @param sniDivisions SNI 2007 divisions, two digits, e.g. 25
 * @param counties county codes, e.g. 10 (Blekinge)
 * @param municipalities municipality codes, e.g. 1080
 */
public record EligibilityRules(
        Integer maxEmployees,
        List<String> sizeClasses,
        List<String> sniSections,
        List<String> sniDivisions,
        List<String> counties,
        List<String> municipalities,
        Boolean activeMembership) {

    public EligibilityRules {
        sizeClasses = sizeClasses == null ? List.of() : List.copyOf(sizeClasses);
        sniSections = sniSections == null ? List.of() : List.copyOf(sniSections);
        sniDivisions = sniDivisions == null ? List.of() : List.copyOf(sniDivisions);
        counties = counties == null ? List.of() : List.copyOf(counties);
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
    }

    public static EligibilityRules none() {
        return new EligibilityRules(null, null, null, null, null, null, null);
    }
}
