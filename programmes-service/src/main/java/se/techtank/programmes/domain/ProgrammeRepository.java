package se.techtank.programmes.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Programmes by id and code. */
@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, UUID> {

    public boolean existsByCode(String code) {
        return count("code", code) > 0;
    }

    public Optional<Programme> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
