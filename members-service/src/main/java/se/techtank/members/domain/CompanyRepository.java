package se.techtank.members.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Companies by id and by organisation number. */
@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    public boolean existsByOrganisationNumber(OrganisationNumber organisationNumber) {
        return count("organisationNumber", organisationNumber.value()) > 0;
    }
}
