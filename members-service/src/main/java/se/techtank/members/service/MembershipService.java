package se.techtank.members.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import se.techtank.kernel.OrganisationNumber;
import se.techtank.members.domain.Company;
import se.techtank.members.domain.CompanyRepository;
import se.techtank.members.domain.Contact;
import se.techtank.members.domain.ContactDetails;
import se.techtank.members.domain.ContactRepository;
import se.techtank.members.domain.MembershipApplication;
import se.techtank.members.domain.MembershipApplicationRepository;
import se.techtank.members.domain.MembershipTransition;
import se.techtank.members.domain.MembershipTransitionRepository;
import se.techtank.members.messaging.out.CompanyEventPublisher;
import se.techtank.members.messaging.out.ContactEventPublisher;
import se.techtank.platform.jobs.JobLock;
import se.techtank.platform.security.Caller;

/**
 * The membership lifecycle: applications, staff decisions, renewal. Every change is kept in the
 * history and published on {@code members.company.v1} in the same transaction.
 */
@ApplicationScoped
public class MembershipService {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final String RENEWAL_JOB = "system:membership-renewal";
    /** The renewal's lock (its key, {@code hashtext} of this name, is the one every version has used). */
    static final String RENEWAL_LOCK = "members.membership-renewal";

    private final CompanyRepository companies;
    private final CompanyService companyService;
    private final MembershipTransitionRepository history;
    private final MembershipApplicationRepository applications;
    private final ContactRepository contacts;
    private final ContactEventPublisher contactEvents;
    private final CompanyEventPublisher events;
    private final Caller caller;
    private final JobLock jobLock;
    private final Clock clock = Clock.systemUTC();

    MembershipService(
            CompanyRepository companies,
            CompanyService companyService,
            MembershipTransitionRepository history,
            MembershipApplicationRepository applications,
            ContactRepository contacts,
            ContactEventPublisher contactEvents,
            CompanyEventPublisher events,
            Caller caller,
            JobLock jobLock) {
        this.companies = companies;
        this.companyService = companyService;
        this.history = history;
        this.applications = applications;
        this.contacts = contacts;
        this.contactEvents = contactEvents;
        this.events = events;
        this.caller = caller;
        this.jobLock = jobLock;
    }

    /**
     * The public application ("bli medlem"): registers the company if it is new — an existing one keeps
     * its data, whatever the form said — and puts its membership in {@code APPLIED}.
     */
    @Transactional
    public MembershipApplication apply(ApplyForMembership command) {
        OrganisationNumber organisationNumber = OrganisationNumber.of(command.organisationNumber());
        OffsetDateTime now = now();
        Company company = companies
                .findByOrganisationNumberForUpdate(organisationNumber)
                .orElseGet(() ->
                        companyService.register(new RegisterCompany(command.organisationNumber(), command.profile())));
        MembershipTransition transition = company.applyForMembership(actor(), now);
        Contact applicant = contacts.findByEmail(
                        company.id(), command.applicant().email())
                .orElseGet(() -> newContact(company, command.applicant(), now));
        MembershipApplication application =
                new MembershipApplication(company.id(), applicant.id(), command.message(), now);
        applications.persist(application);
        record(company, transition);
        return application;
    }

    /** The applying person becomes a contact of the company; an existing contact is never changed. */
    private Contact newContact(Company company, ContactDetails details, OffsetDateTime now) {
        Contact contact = Contact.add(company.id(), details, now);
        contacts.persist(contact);
        contactEvents.added(contact);
        return contact;
    }

    /** Approves an application: active from {@code start} (default today) to the end of that year. */
    @Transactional
    public Company approve(UUID companyId, LocalDate start) {
        Company company = companyService.get(companyId);
        LocalDate from = start != null ? start : today();
        return record(company, company.approveMembership(from, actor(), now()));
    }

    @Transactional
    public Company reject(UUID companyId, String reason) {
        Company company = companyService.get(companyId);
        return record(company, company.rejectMembership(reason, actor(), now()));
    }

    @Transactional
    public Company suspend(UUID companyId, String reason) {
        Company company = companyService.get(companyId);
        return record(company, company.suspendMembership(reason, actor(), now()));
    }

    @Transactional
    public Company resume(UUID companyId) {
        Company company = companyService.get(companyId);
        return record(company, company.resumeMembership(actor(), now()));
    }

    @Transactional
    public Company terminate(UUID companyId, String reason, LocalDate endDate) {
        Company company = companyService.get(companyId);
        return record(
                company, company.terminateMembership(reason, endDate != null ? endDate : today(), actor(), now()));
    }

    @Transactional
    public Company renew(UUID companyId, int year) {
        Company company = companyService.get(companyId);
        return record(company, company.renewMembership(year, actor(), now()));
    }

    /** The company (for its membership), as far as the caller may see it. */
    @Transactional
    public Company membershipOf(UUID companyId) {
        return companyService.get(companyId);
    }

    @Transactional
    public List<MembershipTransition> history(UUID companyId) {
        return history.ofCompany(companyService.get(companyId).id());
    }

    /**
     * Suspends, with reason {@code NOT_RENEWED}, every active membership whose last paid year ended
     * before {@code today}, in one transaction of its own. One replica runs it at a time ({@link JobLock}):
     * the others find the lock taken and skip.
     *
     * @return how many were suspended, or -1 when another replica holds the lock
     */
    public int suspendLapsed(LocalDate today) {
        return jobLock.tryCall(
                        RENEWAL_LOCK, () -> QuarkusTransaction.requiringNew().call(() -> suspendLapsedNow(today)))
                .orElse(-1);
    }

    private int suspendLapsedNow(LocalDate today) {
        List<Company> lapsed = companies.withLapsedMembership(today);
        OffsetDateTime now = now();
        for (Company company : lapsed) {
            record(company, company.suspendMembership("NOT_RENEWED", RENEWAL_JOB, now));
        }
        return lapsed.size();
    }

    private Company record(Company company, MembershipTransition transition) {
        history.persist(transition);
        companies.flush(); // the new version goes into the ETag
        events.membershipChanged(company, transition);
        return company;
    }

    private String actor() {
        return caller.subject().orElse("anonymous");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(STOCKHOLM));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
