package se.techtank.programmes.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;
import org.hibernate.exception.ConstraintViolationException;

import se.techtank.kernel.MunicipalityCode;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.security.Caller;
import se.techtank.platform.security.Roles;
import se.techtank.programmes.domain.Application;
import se.techtank.programmes.domain.ApplicationRepository;
import se.techtank.programmes.domain.ApplicationStatus;
import se.techtank.programmes.domain.ApplicationTransition;
import se.techtank.programmes.domain.ApplicationTransitionRepository;
import se.techtank.programmes.domain.Company;
import se.techtank.programmes.domain.CompanyFacts;
import se.techtank.programmes.domain.CompanyRepository;
import se.techtank.programmes.domain.DuplicateApplicationException;
import se.techtank.programmes.domain.Eligibility;
import se.techtank.programmes.domain.FactsSource;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.IntakeFullException;
import se.techtank.programmes.domain.IntakeNotOpenException;
import se.techtank.programmes.domain.IntakeRepository;
import se.techtank.programmes.domain.NotEligibleException;
import se.techtank.programmes.domain.OutsidePartnerRegionException;
import se.techtank.programmes.domain.Partner;
import se.techtank.programmes.domain.Programme;
import se.techtank.programmes.domain.ProgrammeRepository;
import se.techtank.programmes.domain.ProgrammeStatus;
import se.techtank.programmes.domain.RuleResult;
import se.techtank.programmes.domain.Submitter;
import se.techtank.programmes.messaging.out.ApplicationEventPublisher;
import se.techtank.programmes.query.ApplicationFilter;
import se.techtank.programmes.query.ApplicationList;

/**
 * Applications to intakes: submitted by a member for its company, by staff, or by a partner IUC for a
 * company in its counties; judged against the programme's rules; decided by staff. Seats are taken at
 * approval by the database, exactly, whatever the load.
 */
@ApplicationScoped
public class ApplicationService {

    private final ApplicationRepository applications;
    private final ApplicationTransitionRepository history;
    private final IntakeRepository intakes;
    private final ProgrammeRepository programmes;
    private final CompanyRepository companies;
    private final ApplicationAccess access;
    private final ApplicationEventPublisher events;
    private final ApplicationList list;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    ApplicationService(
            ApplicationRepository applications,
            ApplicationTransitionRepository history,
            IntakeRepository intakes,
            ProgrammeRepository programmes,
            CompanyRepository companies,
            ApplicationAccess access,
            ApplicationEventPublisher events,
            ApplicationList list,
            Caller caller) {
        this.applications = applications;
        this.history = history;
        this.intakes = intakes;
        this.programmes = programmes;
        this.companies = companies;
        this.access = access;
        this.events = events;
        this.list = list;
        this.caller = caller;
    }

    /** What an application would be judged as, without submitting it. */
    @Transactional
    public Judged check(UUID intakeId, NewApplication request) {
        IntakeRepository.Offered offered = offered(intakeId);
        Intake intake = offered.intake();
        Programme programme = offered.programme();
        Company known =
                companies.findByOrganisationNumber(request.organisationNumber()).orElse(null);
        CompanyFacts facts = factsFor(request, known);
        checkMayApplyFor(facts, known);
        return new Judged(facts, Eligibility.judge(programme.eligibility(), intake.countySet(), facts));
    }

    /** The facts an application is judged on, and the result per rule. */
    public record Judged(CompanyFacts facts, List<RuleResult> results) {}

    @Transactional
    public Application submit(UUID intakeId, NewApplication request) {
        IntakeRepository.Offered offered = offered(intakeId);
        Intake intake = offered.intake();
        Programme programme = offered.programme();
        Instant now = now();
        if (!intake.takesApplications(now)) {
            throw new IntakeNotOpenException(
                    intake.status(), intake.applicationOpensAt(), intake.applicationClosesAt());
        }
        Company known =
                companies.findByOrganisationNumber(request.organisationNumber()).orElse(null);
        CompanyFacts facts = factsFor(request, known);
        checkMayApplyFor(facts, known);
        List<RuleResult> results = Eligibility.judge(programme.eligibility(), intake.countySet(), facts);
        String override = null;
        if (Eligibility.anyFailed(results)) {
            if (!caller.isStaff()
                    || request.overrideReason() == null
                    || request.overrideReason().isBlank()) {
                throw new NotEligibleException(results);
            }
            override = request.overrideReason().strip();
        }
        if (applications.standing(intakeId, facts.organisationNumber())) {
            throw new DuplicateApplicationException(facts.organisationNumber());
        }
        Application application = Application.submit(
                intake,
                known == null ? null : known.id(),
                facts,
                request.applicant(),
                request.motivation(),
                results,
                override,
                submitter(),
                now);
        try {
            applications.persistAndFlush(application);
        } catch (PersistenceException e) {
            if (violates(e, "application_once_per_intake")) {
                // Two at once for one company: the partial unique index decides.
                throw new DuplicateApplicationException(facts.organisationNumber());
            }
            throw e;
        }
        history.persist(
                ApplicationTransition.of(application.id(), null, ApplicationStatus.SUBMITTED, override, actor(), now));
        events.submitted(application, programme.code());
        return application;
    }

    /**
     * The applications the filter selects, as far as the caller may see them: staff all, a member its own
     * company's, a partner those of companies in its counties and those it submitted; nobody else any.
     */
    @Transactional
    public Page<Application> list(ApplicationFilter filter, PageRequest page) {
        ApplicationFilter visible;
        if (caller.isStaff()) {
            visible = filter;
        } else if (caller.isMember()) {
            visible = filter.ofCompany(caller.companyId().orElse(new UUID(0, 0)));
        } else if (caller.isPartner()) {
            visible = filter.inCounties(
                    access.partnerCounties(), caller.partnerId().orElse(null));
        } else {
            return Page.of(List.of(), page, 0);
        }
        return list.page(visible, page);
    }

    @Transactional
    public Application get(UUID id) {
        return access.visible(id);
    }

    @Transactional
    public List<ApplicationTransition> history(UUID id) {
        access.visible(id);
        return history.of(id);
    }

    /**
     * Moves an application to {@code target} (staff decide; the applicant's side may withdraw). Approval
     * takes one of the intake's seats, or fails with {@code intake-full}; a withdrawal gives a held seat
     * back.
     */
    @Transactional
    public Application move(UUID id, ApplicationStatus target, String reason) {
        if (target == ApplicationStatus.SUBMITTED) {
            throw new RuleViolationException("status", "an application is submitted only once");
        }
        if (target != ApplicationStatus.WITHDRAWN && !caller.isStaff()) {
            throw new ForbiddenException("Only staff decide on applications.");
        }
        Application application = access.visibleForUpdate(id);
        ApplicationStatus from = application.status();
        if (!from.next().contains(target)) {
            throw new se.techtank.programmes.domain.IllegalApplicationTransitionException(target, from);
        }
        Instant now = now();
        if (target == ApplicationStatus.APPROVED && !intakes.takeSeat(application.intakeId())) {
            Intake intake = intakes.findById(application.intakeId());
            throw new IntakeFullException(intake.id(), intake.seats());
        }
        if (target == ApplicationStatus.WITHDRAWN && from.holdsSeat()) {
            intakes.releaseSeat(application.intakeId());
        }
        application.moveTo(target, now);
        applications.flush();
        history.persist(ApplicationTransition.of(
                id, from, target, reason == null || reason.isBlank() ? null : reason.strip(), actor(), now));
        events.moved(application, programmes.findById(application.programmeId()).code());
        return application;
    }

    /** The intake with its programme, which must be published (else staff learn why, others 404). */
    private IntakeRepository.Offered offered(UUID intakeId) {
        IntakeRepository.Offered offered =
                intakes.offered(intakeId).orElseThrow(() -> new NotFoundException("Intake", intakeId));
        ProgrammeStatus status = offered.programme().status();
        if (status != ProgrammeStatus.PUBLISHED) {
            if (caller.isStaff()) {
                throw new se.techtank.programmes.domain.IllegalProgrammeTransitionException("apply to", status);
            }
            throw new NotFoundException("Intake", intakeId);
        }
        return offered;
    }

    /** The register's facts when it knows the company, else those declared (name and municipality needed). */
    private CompanyFacts factsFor(NewApplication request, Company known) {
        if (known != null) {
            return known.facts();
        }
        NewApplication.DeclaredCompany declared = request.declared();
        if (declared == null || declared.name() == null || declared.name().isBlank()) {
            throw new RuleViolationException(
                    "company.name", "is required for a company the member register does not know");
        }
        if (declared.municipalityCode() == null) {
            throw new RuleViolationException(
                    "company.municipalityCode", "is required for a company the member register does not know");
        }
        return new CompanyFacts(
                request.organisationNumber(),
                declared.name().strip(),
                declared.municipalityCode(),
                declared.numberOfEmployees(),
                declared.sizeClass(),
                declared.sniCode(),
                null,
                FactsSource.DECLARED);
    }

    /** A member applies for its own company only; a partner for companies in the counties it serves. */
    private void checkMayApplyFor(CompanyFacts facts, Company known) {
        if (caller.isStaff()) {
            return;
        }
        if (caller.isMember()) {
            if (known == null || caller.companyId().filter(known.id()::equals).isEmpty()) {
                throw new ForbiddenException("A member applies for its own company only.");
            }
            return;
        }
        if (caller.isPartner()) {
            Partner partner = access.partner()
                    .orElseThrow(() -> new ForbiddenException(
                            "Unknown partner " + caller.partnerId().orElse("")));
            String municipality = facts.municipalityCode();
            if (municipality == null
                    || !MunicipalityCode.isValid(municipality)
                    || !partner.serves(MunicipalityCode.county(municipality))) {
                throw new OutsidePartnerRegionException(partner.id(), municipality, partner.counties());
            }
            return;
        }
        throw new ForbiddenException("Applications are submitted by members, partners and staff.");
    }

    private Submitter submitter() {
        String role = caller.isStaff() ? Roles.STAFF : caller.isPartner() ? Roles.PARTNER : Roles.MEMBER;
        return new Submitter(
                role.toUpperCase(java.util.Locale.ROOT), caller.partnerId().orElse(null), actor());
    }

    private String actor() {
        return caller.subject().orElse("anonymous");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether {@code e} is the violation of the named constraint (not any other). */
    static boolean violates(PersistenceException e, String constraint) {
        ConstraintViolationException violation = e instanceof ConstraintViolationException direct
                ? direct
                : e.getCause() instanceof ConstraintViolationException cause ? cause : null;
        return violation != null && constraint.equals(violation.getConstraintName());
    }
}
