package se.techtank.programmes.domain;

import java.util.List;

import se.techtank.kernel.FocusArea;
import se.techtank.kernel.LocalizedText;

/** What staff write of a programme (everything but its code and status). */
public record ProgrammeDetails(
        LocalizedText name,
        LocalizedText description,
        String owner,
        List<Funder> funders,
        List<FocusArea> focusAreas,
        EligibilityRules eligibility) {

    public ProgrammeDetails {
        funders = funders == null ? List.of() : List.copyOf(funders);
        focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
        eligibility = eligibility == null ? EligibilityRules.none() : eligibility;
    }
}
