package se.techtank.programmes.domain;

import java.util.List;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.FieldError;

/** A partner applied for a company outside the counties it serves. */
public class OutsidePartnerRegionException extends DomainException {

    public OutsidePartnerRegionException(String partnerId, String municipalityCode, List<String> counties) {
        super(
                Kind.RULE_VIOLATION,
                "outside-partner-region",
                "Outside the partner's region",
                "Partner " + partnerId + " applies for companies in counties " + String.join(", ", counties) + " only.",
                List.of(new FieldError(
                        "company.municipalityCode",
                        municipalityCode + " is outside counties " + String.join(", ", counties))));
    }
}
