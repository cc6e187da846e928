package se.techtank.members.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.util.RawValue;
import org.hibernate.exception.ConstraintViolationException;

import se.techtank.kernel.OrganisationNumber;
import se.techtank.members.domain.Company;
import se.techtank.members.domain.CompanyProfile;
import se.techtank.members.domain.CompanyRepository;
import se.techtank.members.domain.DuplicateOrganisationNumberException;
import se.techtank.members.messaging.out.CompanyEventPublisher;
import se.techtank.members.query.CompanyFilter;
import se.techtank.members.query.CompanyList;
import se.techtank.members.query.CompanySummary;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.problem.StaleVersionException;
import se.techtank.platform.security.Caller;

/** Use cases of the company register: one transaction per command, state and event together. */
@ApplicationScoped
public class CompanyService {

    /** A company id no company has: what a token without a usable company_id may see. */
    private static final UUID NOBODY = new UUID(0, 0);

    private final CompanyRepository companies;
    private final CompanyList list;
    private final CompanyEventPublisher events;
    private final Caller caller;
    private final Clock clock;

    CompanyService(CompanyRepository companies, CompanyList list, CompanyEventPublisher events, Caller caller) {
        this.companies = companies;
        this.list = list;
        this.events = events;
        this.caller = caller;
        this.clock = Clock.systemUTC();
    }

    /** Registers a new company and publishes {@code company.registered}. */
    @Transactional
    public Company register(RegisterCompany command) {
        OrganisationNumber organisationNumber = OrganisationNumber.of(command.organisationNumber());
        if (companies.existsByOrganisationNumber(organisationNumber)) {
            throw new DuplicateOrganisationNumberException(organisationNumber);
        }
        Company company = Company.register(organisationNumber, command.profile(), now());
        try {
            companies.persistAndFlush(company);
        } catch (PersistenceException e) {
            // Two registrations of one number at the same time: the unique constraint decides.
            if (e.getCause() instanceof ConstraintViolationException || e instanceof ConstraintViolationException) {
                throw new DuplicateOrganisationNumberException(organisationNumber);
            }
            throw e;
        }
        events.registered(company);
        return company;
    }

    /**
     * Replaces a company's profile if {@code expectedVersion} is still current, and publishes {@code
     * company.updated} when anything changed. Staff update any company, a member only its own.
     */
    @Transactional
    public Company update(UUID id, CompanyProfile profile, long expectedVersion) {
        Company company = get(id);
        if (!caller.isStaff() && !caller.isMemberOf(id)) {
            throw new NotFoundException("Company", id);
        }
        if (company.version() != expectedVersion) {
            throw new StaleVersionException("Company", id);
        }
        if (company.describe(profile, now())) {
            companies.flush(); // the new version goes into the ETag
            events.updated(company);
        }
        return company;
    }

    /**
     * The companies that match, as far as the caller may see them: staff all, a municipality user those
     * in its municipality, a member only its own company; each as {@code representation} shows it, as JSON
     * (which only turns a row into an item: which rows are listed is decided here and by the filter).
     *
     * <p>No transaction of its own: the page and the count are two reads that a transaction would not make
     * any more consistent (read committed gives each statement its own snapshot), beginning and committing
     * one cost a round trip to the database and the transaction manager's work per request, and outside a
     * transaction a total counted earlier in the page's own snapshot, and the items made earlier from the
     * same row versions, can be reused (ADR 0010).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RawValue> list(CompanyFilter filter, PageRequest page, Function<CompanySummary, ?> representation) {
        CompanyFilter visible = filter;
        if (!caller.isStaff()) {
            if (caller.isMunicipality()) {
                String own = caller.municipalityCode().orElse("-");
                if (filter.municipalityCode() != null
                        && !filter.municipalityCode().equals(own)) {
                    return Page.of(List.of(), page, 0);
                }
                visible = filter.inMunicipality(own);
            } else {
                visible = filter.onlyCompany(caller.companyId().orElse(NOBODY));
            }
        }
        return list.page(visible, page, representation);
    }

    /**
     * A company the caller may see: staff any, a member only its own, a municipality only those in
     * its municipality. Any other answers as not found, so ids cannot be probed.
     */
    @Transactional
    public Company get(UUID id) {
        Company company = companies.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Company", id));
        if (!maySee(company)) {
            throw new NotFoundException("Company", id);
        }
        return company;
    }

    private boolean maySee(Company company) {
        if (caller.isStaff()) {
            return true;
        }
        if (caller.isMemberOf(company.id())) {
            return true;
        }
        return caller.isMunicipality()
                && caller.municipalityCode()
                        .map(company.municipalityCode()::equals)
                        .orElse(false);
    }

    private OffsetDateTime now() {
        // PostgreSQL keeps microseconds: truncate so that what we return equals what is stored.
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
