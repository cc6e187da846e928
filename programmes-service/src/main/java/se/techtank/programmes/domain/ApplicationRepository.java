package se.techtank.programmes.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
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
        return count(
                        "intakeId = ?1 and organisationNumber = ?2 and status not in ?3",
                        intakeId,
                        organisationNumber,
                        List.of(ApplicationStatus.WITHDRAWN, ApplicationStatus.REJECTED))
                > 0;
    }

    /** The applications whose contact has one of these address hashes and is not yet anonymised. */
    public List<Application> byContactHashes(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return list("contactEmailHash in ?1 and anonymisedAt is null", hashes);
    }
}
