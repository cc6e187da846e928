package se.techtank.programmes.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hibernate.ReadOnlyMode;
import org.hibernate.jpa.HibernateHints;

/** The company read model by organisation number. */
@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    /** A company to read only: Hibernate keeps no copy of its state to compare at flush. */
    public Optional<Company> readOnly(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Company.class, id, ReadOnlyMode.READ_ONLY));
    }

    public Optional<Company> findByOrganisationNumber(String organisationNumber) {
        return find("organisationNumber", organisationNumber)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .firstResultOptional();
    }
}
