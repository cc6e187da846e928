package se.techtank.programmes.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The history of applications. */
@ApplicationScoped
public class ApplicationTransitionRepository implements PanacheRepositoryBase<ApplicationTransition, Long> {

    public List<ApplicationTransition> of(UUID applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
