package se.techtank.programmes.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.programmes.domain.Eligibility;
import se.techtank.programmes.domain.FactsSource;
import se.techtank.programmes.domain.RuleResult;
import se.techtank.programmes.service.ApplicationService;

/** What an application would be judged as; nothing is saved. */
@Schema(name = "EligibilityCheck")
record EligibilityCheckResponse(boolean eligible, boolean unknown, FactsSource factsSource, List<RuleResult> rules) {

    static EligibilityCheckResponse of(ApplicationService.Judged judged) {
        return new EligibilityCheckResponse(
                !Eligibility.anyFailed(judged.results()),
                Eligibility.anyUnknown(judged.results()),
                judged.facts().source(),
                judged.results());
    }
}
