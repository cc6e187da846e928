package se.techtank.members.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.ValidMunicipalityCode;
import se.techtank.kernel.ValidOrganisationNumber;
import se.techtank.members.service.RegisterCompany;

@Schema(name = "RegisterCompanyRequest", description = "A company to add to the member register", examples = """
                {"organisationNumber": "556036-0793", "name": "Olofströms Pressverktyg AB", "municipalityCode": "1060",
                 "sni": {"primary": "25.500", "secondary": ["28.410"]}, "numberOfEmployees": 42,
                 "website": "https://www.pressverktyg.example.se",
                 "postalAddress": {"street": "Industrivägen 4", "postalCode": "293 38", "city": "Olofström"}}
                """)
public record RegisterCompanyRequest(
        @Schema(
                description = "Organisationsnummer: NNNNNN-NNNN, also accepted without hyphen or with the "
                        + "16 prefix; stored and returned as NNNNNN-NNNN",
                examples = "556036-0793",
                required = true)
        @NotBlank
        @ValidOrganisationNumber
        String organisationNumber,

        @Schema(description = "The company's registered name", examples = "Olofströms Pressverktyg AB", required = true)
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(
                description = "SCB municipality code (kommunkod) of the company's site; Blekinge: 1060 "
                        + "Olofström, 1080 Karlskrona, 1081 Ronneby, 1082 Karlshamn, 1083 Sölvesborg",
                examples = "1060",
                required = true)
        @NotBlank
        @ValidMunicipalityCode
        String municipalityCode,

        @Valid SniCodes sni,

        @Schema(description = "Number of employees; gives the EU size class", examples = "42")
        @PositiveOrZero
        @Max(1_000_000)
        Integer numberOfEmployees,

        @Schema(examples = "https://www.pressverktyg.example.se")
        @Size(max = 200)
        @Pattern(regexp = "https?://[^\\s/$.?#][^\\s]*", message = "must be an http(s) address")
        String website,

        @Valid Address postalAddress) {

    RegisterCompany toCommand() {
        return new RegisterCompany(
                organisationNumber,
                UpdateCompanyRequest.profile(name, municipalityCode, sni, numberOfEmployees, website, postalAddress));
    }
}
