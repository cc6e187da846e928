package se.techtank.members.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.validation.EmailAddress;

/** Contact persons by id and by company. Erased contacts are left out of a company's list. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    /** The fields a company's contact list sorts by. */
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("name", "createdAt", "modifiedAt");

    /** API sort field → HQL; the id breaks ties so that pages never overlap. */
    private static final Map<String, String> SORT_EXPRESSIONS =
            Map.of("name", "lower(c.name)", "createdAt", "c.createdAt", "modifiedAt", "c.modifiedAt");

    /** The name of the unique index on (company, lower(e-mail)), which decides between concurrent adds. */
    public static final String EMAIL_UNIQUE_CONSTRAINT = "contact_company_email_unique";

    /** The contact, locked until the transaction ends: erasing and removing wait for each other. */
    public Optional<Contact> findByIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether another live contact of the company has this address, in any letter case. */
    /** The company's live contact with this e-mail address (whatever the letter case), if any. */
    public Optional<Contact> findByEmail(UUID companyId, EmailAddress email) {
        return find("companyId = ?1 and lower(email) = ?2 and erasedAt is null", companyId, email.comparable())
                .firstResultOptional();
    }

    public boolean emailInUse(UUID companyId, EmailAddress email, UUID exceptContact) {
        return count(
                        "companyId = ?1 and lower(email) = ?2 and erasedAt is null and id <> ?3",
                        companyId,
                        email.comparable(),
                        exceptContact == null ? new UUID(0, 0) : exceptContact)
                > 0;
    }

    /** One page of the company's live contacts, in the requested order. */
    public List<Contact> listOf(UUID companyId, PageRequest page) {
        StringJoiner order = new StringJoiner(", ", " order by ", "");
        for (PageRequest.SortOrder sort : page.sort()) {
            order.add(SORT_EXPRESSIONS.get(sort.field()) + (sort.ascending() ? " asc" : " desc"));
        }
        order.add("c.id asc");
        return getEntityManager()
                .createQuery(
                        "select c from Contact c where c.companyId = :company and c.erasedAt is null" + order,
                        Contact.class)
                .setParameter("company", companyId)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
    }

    public long countOf(UUID companyId) {
        return count("companyId = ?1 and erasedAt is null", companyId);
    }
}
