package se.techtank.programmes.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The company read model by organisation number. */
@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    public Optional<Company> findByOrganisationNumber(String organisationNumber) {
        return find("organisationNumber", organisationNumber).firstResultOptional();
    }
}
