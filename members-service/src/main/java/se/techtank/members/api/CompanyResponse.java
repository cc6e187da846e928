package se.techtank.members.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.members.domain.Company;
import se.techtank.members.domain.LegalForm;
import se.techtank.members.domain.MembershipStatus;
import se.techtank.members.domain.SizeClass;
import se.techtank.members.query.CompanySummary;

@Schema(name = "Company", description = "A company in the member register")
public record CompanyResponse(
        @Schema(description = "The company's id", examples = "3f2c8e0a-5b7d-4c1e-9a3f-2d6b8c0e1f4a")
        UUID id,

        @Schema(description = "Organisationsnummer, normalised", examples = "556036-0793")
        String organisationNumber,

        @Schema(description = "Derived from the organisation number's first digit", examples = "LIMITED_COMPANY")
        LegalForm legalForm,

        @Schema(examples = "Olofströms Pressverktyg AB") String name,

        @Schema(description = "SCB municipality code", examples = "1060")
        String municipalityCode,

        @Schema(description = "Whether the municipality is in Blekinge (county 10)")
        boolean inBlekinge,

        SniCodes sni,
        @Schema(examples = "42") Integer numberOfEmployees,

        @Schema(description = "EU size class, derived from the number of employees", examples = "SMALL")
        SizeClass sizeClass,

        String website,
        Address postalAddress,

        @Schema(description = "Membership status; absent when the company never applied")
        MembershipStatus membershipStatus,

        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    static CompanyResponse of(Company company) {
        return new CompanyResponse(
                company.id(),
                company.organisationNumber().value(),
                company.legalForm(),
                company.name(),
                company.municipalityCode(),
                company.inBlekinge(),
                company.primarySni()
                        .map(primary -> SniCodes.of(primary, company.secondarySni()))
                        .orElse(null),
                company.numberOfEmployees().orElse(null),
                company.sizeClass().orElse(null),
                company.website().orElse(null),
                company.postalAddress().map(Address::of).orElse(null),
                company.membershipStatus().orElse(null),
                company.createdAt(),
                company.modifiedAt());
    }

    /** The same JSON as {@link #of(Company)} gives for the company, from what a list reads of it. */
    static CompanyResponse of(CompanySummary company) {
        return new CompanyResponse(
                company.id(),
                company.organisationNumber(),
                company.legalForm(),
                company.name(),
                company.municipalityCode(),
                company.inBlekinge(),
                company.primarySni() == null ? null : new SniCodes(company.primarySni(), company.secondarySni()),
                company.numberOfEmployees(),
                company.sizeClass(),
                company.website(),
                company.address().map(Address::of).orElse(null),
                company.membershipStatus(),
                company.createdAt(),
                company.modifiedAt());
    }
}
