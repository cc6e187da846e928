package se.techtank.programmes.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.jdbc.PlainSql;

/** Applications by id, by intake and company, by contact. */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    public Optional<Application> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Whether the company has an application standing (not withdrawn or rejected) in the intake. Plain SQL:
     * Hibernate interprets a query with a list parameter afresh on every call, and Panache's count() builds
     * its count query afresh too; on the submission path that was a tenth of the service's CPU. It does not
     * flush: call it before this transaction writes applications.
     */
    public boolean standing(UUID intakeId, String organisationNumber) {
        return PlainSql.first(getEntityManager(), """
                        select 1 from application
                        where intake_id = ? and organisation_number = ? and status not in ('WITHDRAWN', 'REJECTED')
                        limit 1""", row -> Boolean.TRUE, intakeId, organisationNumber)
                .isPresent();
    }

    /** The applications whose contact has one of these address hashes and is not yet anonymised. */
    public List<Application> byContactHashes(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return list("contactEmailHash in ?1 and anonymisedAt is null", hashes);
    }
}
