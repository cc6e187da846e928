package se.techtank.events.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.events.domain.Company;
import se.techtank.events.domain.CompanyRepository;

/** Keeps the local copy of members-service's companies up to date. */
@ApplicationScoped
public class CompanyReadModel {

    private final CompanyRepository companies;

    CompanyReadModel(CompanyRepository companies) {
        this.companies = companies;
    }

    /** Upserts the company; an older state than the one held is ignored. */
    @Transactional
    public void apply(CompanySnapshot snapshot) {
        Company company = companies.findByIdOptional(snapshot.companyId()).orElse(null);
        boolean isNew = company == null;
        if (isNew) {
            company = Company.known(snapshot.companyId());
        }
        company.describe(
                snapshot.organisationNumber(),
                snapshot.name(),
                snapshot.municipalityCode(),
                snapshot.inBlekinge(),
                snapshot.membershipStatus(),
                snapshot.asOf(),
                OffsetDateTime.now(ZoneOffset.UTC));
        if (isNew) {
            companies.persist(company);
        }
    }
}
