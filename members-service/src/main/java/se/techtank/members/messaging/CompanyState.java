package se.techtank.members.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import se.techtank.members.domain.Company;

/**
 * The company's current state as every event on {@code members.company.v1} carries it (schema
 * {@code contracts/members/company.v1.json}). Fields are only ever added.
 */
public record CompanyState(
        UUID companyId,
        String organisationNumber,
        String name,
        String municipalityCode,
        boolean inBlekinge,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    public static CompanyState of(Company company) {
        return new CompanyState(
                company.id(),
                company.organisationNumber().value(),
                company.name(),
                company.municipalityCode(),
                company.inBlekinge(),
                company.createdAt(),
                company.modifiedAt());
    }
}
