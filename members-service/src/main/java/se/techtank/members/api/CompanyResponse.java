package se.techtank.members.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.members.domain.Company;

@Schema(name = "Company", description = "A company in the member register")
public record CompanyResponse(
        @Schema(description = "The company's id", examples = "3f2c8e0a-5b7d-4c1e-9a3f-2d6b8c0e1f4a")
        UUID id,

        @Schema(description = "Organisationsnummer, normalised", examples = "556036-0793")
        String organisationNumber,

        @Schema(examples = "Olofströms Pressverktyg AB") String name,

        @Schema(description = "SCB municipality code", examples = "1060")
        String municipalityCode,

        @Schema(description = "Whether the municipality is in Blekinge (county 10)")
        boolean inBlekinge,

        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    static CompanyResponse of(Company company) {
        return new CompanyResponse(
                company.id(),
                company.organisationNumber().value(),
                company.name(),
                company.municipalityCode(),
                company.inBlekinge(),
                company.createdAt(),
                company.modifiedAt());
    }
}
