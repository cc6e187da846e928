package se.techtank.programmes.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.techtank.platform.problem.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each eligibility rule PASSED, FAILED and UNKNOWN, the application lifecycle, and quarter hours. */
class EligibilityRulesTest {

    private static final CompanyFacts KARLSKRONA_WORKSHOP = new CompanyFacts(
            "556677-8899", "Verkstad AB", "1080", 40, "SMALL", "25.110", "ACTIVE", FactsSource.REGISTER);
    private static final CompanyFacts NOTHING_KNOWN =
            new CompanyFacts("556677-8899", "Okänd AB", null, null, null, null, null, FactsSource.DECLARED);

    @Test
    void no_rules_no_results() {
        assertThat(Eligibility.judge(EligibilityRules.none(), Set.of(), KARLSKRONA_WORKSHOP))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MAX_EMPLOYEES, 49, 39",
        "SIZE_CLASS, SMALL, MEDIUM",
        "INDUSTRY, C, F",
        "COUNTY, 10, 12",
        "MUNICIPALITY, 1080, 1082",
        "ACTIVE_MEMBERSHIP, true, true",
    })
    void each_rule_passes_fails_and_is_unknown_without_its_fact(String rule, String passing, String failing) {
        EligibilityRule kind = EligibilityRule.valueOf(rule);
        assertThat(outcome(kind, rules(kind, passing), KARLSKRONA_WORKSHOP)).isEqualTo(RuleOutcome.PASSED);
        if (kind == EligibilityRule.ACTIVE_MEMBERSHIP) {
            CompanyFacts lapsed = new CompanyFacts(
                    "556677-8899", "Verkstad AB", "1080", 40, "SMALL", "25.110", "SUSPENDED", FactsSource.REGISTER);
            assertThat(outcome(kind, rules(kind, failing), lapsed)).isEqualTo(RuleOutcome.FAILED);
        } else {
            assertThat(outcome(kind, rules(kind, failing), KARLSKRONA_WORKSHOP)).isEqualTo(RuleOutcome.FAILED);
        }
        assertThat(outcome(kind, rules(kind, passing), NOTHING_KNOWN)).isEqualTo(RuleOutcome.UNKNOWN);
    }

    @Test
    void an_sni_division_passes_like_its_section() {
        EligibilityRules rules = new EligibilityRules(null, null, null, List.of("25"), null, null, null);
        assertThat(outcome(EligibilityRule.INDUSTRY, rules, KARLSKRONA_WORKSHOP))
                .isEqualTo(RuleOutcome.PASSED);
    }

    @Test
    void the_intakes_counties_decide_before_the_programmes() {
        EligibilityRules programmeSaysSkane = new EligibilityRules(null, null, null, null, List.of("12"), null, null);
        assertThat(Eligibility.judge(programmeSaysSkane, Set.of("10"), KARLSKRONA_WORKSHOP))
                .extracting(RuleResult::outcome)
                .containsExactly(RuleOutcome.PASSED);
        assertThat(Eligibility.judge(programmeSaysSkane, Set.of(), KARLSKRONA_WORKSHOP))
                .extracting(RuleResult::outcome)
                .containsExactly(RuleOutcome.FAILED);
    }

    @Test
    void every_state_moves_only_where_the_lifecycle_allows() {
        assertThat(ApplicationStatus.SUBMITTED.next())
                .containsExactlyInAnyOrder(
                        ApplicationStatus.APPROVED,
                        ApplicationStatus.REJECTED,
                        ApplicationStatus.WAITLISTED,
                        ApplicationStatus.WITHDRAWN);
        assertThat(ApplicationStatus.WAITLISTED.next())
                .containsExactlyInAnyOrder(
                        ApplicationStatus.APPROVED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN);
        assertThat(ApplicationStatus.APPROVED.next())
                .containsExactlyInAnyOrder(ApplicationStatus.ENROLLED, ApplicationStatus.WITHDRAWN);
        assertThat(ApplicationStatus.ENROLLED.next())
                .containsExactlyInAnyOrder(ApplicationStatus.COMPLETED, ApplicationStatus.WITHDRAWN);
        assertThat(ApplicationStatus.REJECTED.next()).isEmpty();
        assertThat(ApplicationStatus.COMPLETED.next()).isEmpty();
        assertThat(ApplicationStatus.WITHDRAWN.next()).isEmpty();
    }

    @Test
    void hours_are_quarter_hours_and_a_meeting_rounds_to_the_nearest_quarter() {
        assertThat(Activity.quarterHours(90)).isEqualByComparingTo("1.5");
        assertThat(Activity.quarterHours(100)).isEqualByComparingTo("1.75");
        assertThat(Activity.quarterHours(5)).isEqualByComparingTo("0.25");
        assertThatThrownBy(() -> Activity.log(
                        null,
                        java.time.LocalDate.now(),
                        ActivityKind.COACHING,
                        new BigDecimal("1.1"),
                        null,
                        null,
                        null,
                        java.time.Instant.now()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("quarter");
    }

    private static RuleOutcome outcome(EligibilityRule rule, EligibilityRules rules, CompanyFacts facts) {
        return Eligibility.judge(rules, Set.of(), facts).stream()
                .filter(r -> r.rule() == rule)
                .findFirst()
                .orElseThrow()
                .outcome();
    }

    private static EligibilityRules rules(EligibilityRule rule, String value) {
        return switch (rule) {
            case MAX_EMPLOYEES -> new EligibilityRules(Integer.valueOf(value), null, null, null, null, null, null);
            case SIZE_CLASS -> new EligibilityRules(null, List.of(value), null, null, null, null, null);
            case INDUSTRY -> new EligibilityRules(null, null, List.of(value), null, null, null, null);
            case COUNTY -> new EligibilityRules(null, null, null, null, List.of(value), null, null);
            case MUNICIPALITY -> new EligibilityRules(null, null, null, null, null, List.of(value), null);
            case ACTIVE_MEMBERSHIP -> new EligibilityRules(null, null, null, null, null, null, Boolean.valueOf(value));
        };
    }
}
