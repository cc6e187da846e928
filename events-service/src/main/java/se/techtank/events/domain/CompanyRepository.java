package se.techtank.events.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The company read model. */
@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    public java.util.Optional<Company> byOrganisationNumber(String organisationNumber) {
        return find("organisationNumber", organisationNumber).firstResultOptional();
    }
}
