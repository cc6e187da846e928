package se.techtank.programmes.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import se.techtank.kernel.MunicipalityCode;
import se.techtank.kernel.SniCode;

/**
 * Judges a company's facts against a programme's rules and an intake's counties: one result per rule that
 * applies, in the order of {@link EligibilityRule}. A rule whose fact is unknown is {@code UNKNOWN}, never
 * {@code FAILED}: an application is refused only for what is known.
 */
public final class Eligibility {

    private Eligibility() {}

    public static List<RuleResult> judge(EligibilityRules rules, Set<String> intakeCounties, CompanyFacts facts) {
        List<RuleResult> results = new ArrayList<>();
        if (rules.maxEmployees() != null) {
            Integer employees = facts.numberOfEmployees();
            results.add(
                    employees == null
                            ? unknown(EligibilityRule.MAX_EMPLOYEES, "number of employees not known")
                            : result(
                                    EligibilityRule.MAX_EMPLOYEES,
                                    employees <= rules.maxEmployees(),
                                    employees + " employees, at most " + rules.maxEmployees()));
        }
        if (!rules.sizeClasses().isEmpty()) {
            String size = facts.sizeClass();
            results.add(
                    size == null
                            ? unknown(EligibilityRule.SIZE_CLASS, "size class not known")
                            : result(
                                    EligibilityRule.SIZE_CLASS,
                                    rules.sizeClasses().contains(size),
                                    size + ", one of " + rules.sizeClasses()));
        }
        if (!rules.sniSections().isEmpty() || !rules.sniDivisions().isEmpty()) {
            String sni = facts.sniCode() == null
                    ? null
                    : SniCode.parse(facts.sniCode()).orElse(null);
            if (sni == null) {
                results.add(unknown(EligibilityRule.INDUSTRY, "SNI code not known"));
            } else {
                SniCode code = SniCode.of(sni);
                String division = sni.substring(0, 2);
                boolean passes = rules.sniSections().contains(String.valueOf(code.section()))
                        || rules.sniDivisions().contains(division);
                results.add(result(
                        EligibilityRule.INDUSTRY,
                        passes,
                        "SNI " + sni + " (section " + code.section() + "), sections " + rules.sniSections()
                                + ", divisions " + rules.sniDivisions()));
            }
        }
        Set<String> counties = intakeCounties.isEmpty() ? Set.copyOf(rules.counties()) : intakeCounties;
        if (!counties.isEmpty()) {
            String municipality = facts.municipalityCode();
            results.add(
                    municipality == null || !MunicipalityCode.isValid(municipality)
                            ? unknown(EligibilityRule.COUNTY, "municipality not known")
                            : result(
                                    EligibilityRule.COUNTY,
                                    counties.contains(MunicipalityCode.county(municipality)),
                                    "county " + MunicipalityCode.county(municipality) + ", one of "
                                            + counties.stream().sorted().toList()));
        }
        if (!rules.municipalities().isEmpty()) {
            String municipality = facts.municipalityCode();
            results.add(
                    municipality == null
                            ? unknown(EligibilityRule.MUNICIPALITY, "municipality not known")
                            : result(
                                    EligibilityRule.MUNICIPALITY,
                                    rules.municipalities().contains(municipality),
                                    municipality + ", one of " + rules.municipalities()));
        }
        if (Boolean.TRUE.equals(rules.activeMembership())) {
            String membership = facts.membershipStatus();
            results.add(
                    facts.source() == FactsSource.DECLARED && membership == null
                            ? unknown(EligibilityRule.ACTIVE_MEMBERSHIP, "not in the member register")
                            : result(
                                    EligibilityRule.ACTIVE_MEMBERSHIP,
                                    "ACTIVE".equals(membership),
                                    "membership " + (membership == null ? "none" : membership)));
        }
        return List.copyOf(results);
    }

    public static boolean anyFailed(List<RuleResult> results) {
        return results.stream().anyMatch(r -> r.outcome() == RuleOutcome.FAILED);
    }

    public static boolean anyUnknown(List<RuleResult> results) {
        return results.stream().anyMatch(r -> r.outcome() == RuleOutcome.UNKNOWN);
    }

    private static RuleResult result(EligibilityRule rule, boolean passes, String detail) {
        return new RuleResult(rule, passes ? RuleOutcome.PASSED : RuleOutcome.FAILED, detail);
    }

    private static RuleResult unknown(EligibilityRule rule, String detail) {
        return new RuleResult(rule, RuleOutcome.UNKNOWN, detail);
    }
}
