package se.techtank.members.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import se.techtank.members.domain.Company;
import se.techtank.members.domain.CompanyRepository;
import se.techtank.members.domain.Contact;
import se.techtank.members.domain.ContactDetails;
import se.techtank.members.domain.ContactErasedException;
import se.techtank.members.domain.ContactRepository;
import se.techtank.members.domain.DuplicateContactEmailException;
import se.techtank.members.messaging.out.ContactEventPublisher;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.problem.StaleVersionException;
import se.techtank.platform.security.Caller;

/**
 * Use cases of contact persons, including the data subject's rights (access, erasure). Staff handle
 * every company's contacts, a member only its own company's; any other contact or company answers as
 * not found, so ids cannot be probed. One transaction per command, state and event together.
 */
@ApplicationScoped
public class ContactService {

    /** The fields a company's contact list sorts by. */
    public static final Set<String> SORTABLE = ContactRepository.SORTABLE;

    public static final String DEFAULT_SORT = "name,asc";

    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final ContactEventPublisher events;
    private final Caller caller;
    private final Clock clock;

    ContactService(
            ContactRepository contacts, CompanyRepository companies, ContactEventPublisher events, Caller caller) {
        this.contacts = contacts;
        this.companies = companies;
        this.events = events;
        this.caller = caller;
        this.clock = Clock.systemUTC();
    }

    /** Adds a contact person to a company and publishes {@code contact.added}. */
    @Transactional
    public Contact add(UUID companyId, ContactDetails details) {
        Company company = visibleCompany(companyId);
        if (contacts.emailInUse(company.id(), details.email(), null)) {
            throw new DuplicateContactEmailException(details.email());
        }
        Contact contact = Contact.add(company.id(), details, now());
        flushDecidingDuplicates(details, () -> contacts.persistAndFlush(contact));
        events.added(contact);
        return contact;
    }

    /** One page of the company's contacts; erased contacts are left out. */
    @Transactional
    public Page<Contact> list(UUID companyId, PageRequest page) {
        Company company = visibleCompany(companyId);
        return Page.of(contacts.listOf(company.id(), page), page, contacts.countOf(company.id()));
    }

    /** A contact the caller may see (an erased one too: it shows as erased, without personal data). */
    @Transactional
    public Contact get(UUID id) {
        return visible(contacts.findByIdOptional(id).orElse(null), id);
    }

    /**
     * Replaces a contact's details if {@code expectedVersion} is still current, and publishes {@code
     * contact.updated} when anything changed.
     *
     * @throws ContactErasedException if the contact was erased
     */
    @Transactional
    public Contact update(UUID id, ContactDetails details, long expectedVersion) {
        Contact contact = get(id);
        if (contact.isErased()) {
            throw new ContactErasedException(id);
        }
        if (contact.version() != expectedVersion) {
            throw new StaleVersionException("Contact", id);
        }
        if (contacts.emailInUse(contact.companyId(), details.email(), contact.id())) {
            throw new DuplicateContactEmailException(details.email());
        }
        if (contact.update(details, now())) {
            flushDecidingDuplicates(details, contacts::flush); // the new version goes into the ETag
            events.updated(contact);
        }
        return contact;
    }

    /**
     * Removes a contact from its company: its rows are deleted, and {@code contact.removed} carries its
     * last state without name, e-mail and phone.
     *
     * @throws ContactErasedException if the contact was erased (the anonymous rest is kept)
     */
    @Transactional
    public void remove(UUID id) {
        Contact contact = visible(contacts.findByIdForUpdate(id).orElse(null), id);
        contact.remove(now());
        events.removed(contact);
        contacts.delete(contact);
    }

    /** Everything held about the person (staff only, enforced by the API). */
    @Transactional
    public ContactPersonalData personalData(UUID id) {
        Contact contact = get(id);
        Company company = companies.findById(contact.companyId());
        return new ContactPersonalData(contact, contact.consentHistory(), company.id(), company.name(), now());
    }

    /**
     * Erases the person (staff only, enforced by the API) and publishes {@code contact.erased} with the
     * anonymous state. Erasing an erased contact changes nothing and publishes nothing.
     */
    @Transactional
    public void erase(UUID id) {
        // Locked, so that of two concurrent erasures the second sees the first and does nothing.
        Contact contact = visible(contacts.findByIdForUpdate(id).orElse(null), id);
        if (contact.erase(now())) {
            events.erased(contact);
        }
    }

    private Contact visible(Contact contact, UUID id) {
        if (contact == null || !maySeeCompany(contact.companyId())) {
            throw new NotFoundException("Contact", id);
        }
        return contact;
    }

    private Company visibleCompany(UUID companyId) {
        if (!maySeeCompany(companyId)) {
            throw new NotFoundException("Company", companyId);
        }
        return companies.findByIdOptional(companyId).orElseThrow(() -> new NotFoundException("Company", companyId));
    }

    private boolean maySeeCompany(UUID companyId) {
        return caller.isStaff() || caller.isMemberOf(companyId);
    }

    /** Two writers of one address at the same time: the unique index decides, and the loser gets a 409. */
    private static void flushDecidingDuplicates(ContactDetails details, Runnable flush) {
        try {
            flush.run();
        } catch (PersistenceException e) {
            ConstraintViolationException violation = e instanceof ConstraintViolationException direct
                    ? direct
                    : e.getCause() instanceof ConstraintViolationException cause ? cause : null;
            if (violation != null
                    && ContactRepository.EMAIL_UNIQUE_CONSTRAINT.equalsIgnoreCase(violation.getConstraintName())) {
                throw new DuplicateContactEmailException(details.email());
            }
            throw e;
        }
    }

    private OffsetDateTime now() {
        // PostgreSQL keeps microseconds: truncate so that what we return equals what is stored.
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
