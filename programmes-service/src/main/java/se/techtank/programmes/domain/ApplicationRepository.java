package se.techtank.programmes.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Applications by id, by intake and company, by contact. */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    public Optional<Application> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether the company has an application standing (not withdrawn or rejected) in the intake. */
    public boolean standing(UUID intakeId, String organisationNumber) {
        // A selection with a limit, not count(): Hibernate plans a count query afresh on every call.
        return !getEntityManager()
                .createQuery(
                        "select a.id from Application a where a.intakeId = ?1 and a.organisationNumber = ?2"
                                + " and a.status not in ?3",
                        UUID.class)
                .setParameter(1, intakeId)
                .setParameter(2, organisationNumber)
                .setParameter(3, List.of(ApplicationStatus.WITHDRAWN, ApplicationStatus.REJECTED))
                .setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The applications whose contact has one of these address hashes and is not yet anonymised. */
    public List<Application> byContactHashes(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return list("contactEmailHash in ?1 and anonymisedAt is null", hashes);
    }
}
