package se.techtank.members.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.members.domain.Company;
import se.techtank.members.domain.CompanyRepository;
import se.techtank.members.domain.NeedsAssessment;
import se.techtank.members.domain.NeedsAssessmentRepository;
import se.techtank.members.messaging.out.CompanyEventPublisher;
import se.techtank.platform.security.Caller;

/** Needs assessments: staff assess any company, a member user assesses its own (a self-assessment). */
@ApplicationScoped
public class NeedsService {

    private final CompanyService companyService;
    private final CompanyRepository companies;
    private final NeedsAssessmentRepository assessments;
    private final CompanyEventPublisher events;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    NeedsService(
            CompanyService companyService,
            CompanyRepository companies,
            NeedsAssessmentRepository assessments,
            CompanyEventPublisher events,
            Caller caller) {
        this.companyService = companyService;
        this.companies = companies;
        this.assessments = assessments;
        this.events = events;
        this.caller = caller;
    }

    /** Records an assessment, updates the current needs and publishes {@code needs-assessed}. */
    @Transactional
    public NeedsAssessment assess(UUID companyId, LocalDate assessedOn, List<NeedsAssessment.Item> items) {
        Company company = companyService.get(companyId);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        NeedsAssessment assessment = new NeedsAssessment(
                company.id(),
                assessedOn != null ? assessedOn : LocalDate.now(clock.withZone(MembershipService.STOCKHOLM)),
                caller.subject().orElse("unknown"),
                !caller.isStaff(),
                items,
                now);
        assessments.persist(assessment);
        company.assessNeeds(assessment, now);
        companies.flush();
        events.needsAssessed(company);
        return assessment;
    }

    @Transactional
    public List<NeedsAssessment> history(UUID companyId) {
        return assessments.ofCompany(companyService.get(companyId).id());
    }

    @Transactional
    public Company current(UUID companyId) {
        Company company = companyService.get(companyId);
        company.needs(); // loaded while the transaction is open
        return company;
    }
}
