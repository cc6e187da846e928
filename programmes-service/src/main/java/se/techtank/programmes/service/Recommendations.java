package se.techtank.programmes.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.kernel.MunicipalityCode;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.security.Caller;
import se.techtank.programmes.domain.Company;
import se.techtank.programmes.domain.CompanyNeed;
import se.techtank.programmes.domain.CompanyRepository;
import se.techtank.programmes.domain.Eligibility;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.Programme;
import se.techtank.programmes.domain.RuleResult;
import se.techtank.programmes.query.OpenIntakes;

/**
 * Open intakes for a company, ranked by how well the programme's focus areas meet the company's current
 * needs (priority 3 or higher, from its needs assessments in members-service): the sum of the matching
 * needs' priorities, then eligible before not, then the window closing soonest. Each with the eligibility
 * the company would be judged with and the needs that matched (the why).
 */
@ApplicationScoped
public class Recommendations {

    /** Needs at this priority or higher count. */
    public static final int MIN_PRIORITY = 3;

    private final CompanyRepository companies;
    private final OpenIntakes openIntakes;
    private final ApplicationAccess access;
    private final Caller caller;

    Recommendations(CompanyRepository companies, OpenIntakes openIntakes, ApplicationAccess access, Caller caller) {
        this.companies = companies;
        this.openIntakes = openIntakes;
        this.access = access;
        this.caller = caller;
    }

    /** One recommended intake. */
    public record Recommendation(
            Programme programme,
            Intake intake,
            int score,
            List<CompanyNeed> matchingNeeds,
            List<RuleResult> eligibility) {

        public boolean eligible() {
            return !Eligibility.anyFailed(eligibility);
        }
    }

    /**
     * Without a transaction of its own: the open intakes are then reused while the database snapshot is
     * the same ({@link OpenIntakes}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Recommendation> forCompany(UUID companyId) {
        Company company = companies
                .readOnly(companyId)
                .filter(this::maySee)
                .orElseThrow(() -> new NotFoundException("Company", companyId));
        Map<String, CompanyNeed> needs = company.needs().stream()
                .filter(need -> need.priority() >= MIN_PRIORITY)
                .collect(Collectors.toMap(CompanyNeed::focusArea, need -> need, (a, b) -> a));
        if (needs.isEmpty()) {
            return List.of();
        }
        return openIntakes.list().stream()
                .map(offered -> recommend(company, needs, offered.intake(), offered.programme()))
                .filter(r -> r.score() > 0)
                .sorted(Comparator.comparingInt(Recommendation::score)
                        .reversed()
                        .thenComparing(r -> r.eligible() ? 0 : 1)
                        .thenComparing(r -> r.intake().applicationClosesAt()))
                .toList();
    }

    private static Recommendation recommend(
            Company company, Map<String, CompanyNeed> needs, Intake intake, Programme programme) {
        List<CompanyNeed> matching = programme.focusAreas().stream()
                .map(area -> needs.get(area.name()))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparingInt(CompanyNeed::priority).reversed())
                .toList();
        int score = matching.stream().mapToInt(CompanyNeed::priority).sum();
        return new Recommendation(
                programme,
                intake,
                score,
                matching,
                Eligibility.judge(programme.eligibility(), intake.countySet(), company.facts()));
    }

    /** Staff any company; a member its own; a partner one in its counties; nobody else any. */
    private boolean maySee(Company company) {
        if (caller.isStaff()) {
            return true;
        }
        if (caller.isMember()) {
            return caller.companyId().filter(company.id()::equals).isPresent();
        }
        if (caller.isPartner()) {
            String municipality = company.municipalityCode();
            return MunicipalityCode.isValid(municipality)
                    && access.partnerCounties().contains(MunicipalityCode.county(municipality));
        }
        return false;
    }
}
