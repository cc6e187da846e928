package se.techtank.programmes.domain;

import java.util.List;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.FieldError;

/** The company fails at least one eligibility rule; one error per failed rule (field = the rule). */
public class NotEligibleException extends DomainException {

    public NotEligibleException(List<RuleResult> results) {
        super(
                Kind.RULE_VIOLATION,
                "not-eligible",
                "Not eligible",
                "The company does not meet the programme's eligibility rules; staff may override with a reason.",
                results.stream()
                        .filter(r -> r.outcome() == RuleOutcome.FAILED)
                        .map(r -> new FieldError("eligibility." + r.rule().name(), r.detail()))
                        .toList());
    }
}
