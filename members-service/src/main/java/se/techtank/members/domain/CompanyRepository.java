package se.techtank.members.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.kernel.OrganisationNumber;

/** Companies by id and by organisation number; the company list is read in {@code query.CompanyList}. */
@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    public boolean existsByOrganisationNumber(OrganisationNumber organisationNumber) {
        return count("organisationNumber", organisationNumber.value()) > 0;
    }

    /** The company with this number, locked for the rest of the transaction (two applications at once). */
    public Optional<Company> findByOrganisationNumberForUpdate(OrganisationNumber organisationNumber) {
        return find("organisationNumber", organisationNumber.value())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Active memberships whose last paid year ended before {@code today}. */
    public List<Company> withLapsedMembership(LocalDate today) {
        return list("membershipStatus = ?1 and membershipValidUntil < ?2", MembershipStatus.ACTIVE, today);
    }

    /** The companies registered under any of {@code organisationNumbers}, in one query. */
    public List<Company> findByOrganisationNumbers(Collection<OrganisationNumber> organisationNumbers) {
        if (organisationNumbers.isEmpty()) {
            return List.of();
        }
        return list(
                "organisationNumber in ?1",
                organisationNumbers.stream().map(OrganisationNumber::value).toList());
    }
}
