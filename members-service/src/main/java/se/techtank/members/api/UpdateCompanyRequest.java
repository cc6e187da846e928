package se.techtank.members.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.ValidMunicipalityCode;
import se.techtank.members.domain.CompanyProfile;

@Schema(
        name = "UpdateCompanyRequest",
        description = "The whole profile of a company; it replaces the current one. The organisation number never "
                + "changes and is not part of an update.",
        examples = """
                {"name": "Olofströms Pressverktyg AB", "municipalityCode": "1060",
                 "sni": {"primary": "25.500"}, "numberOfEmployees": 55,
                 "postalAddress": {"street": "Industrivägen 4", "postalCode": "293 38", "city": "Olofström"}}
                """)
public record UpdateCompanyRequest(
        @Schema(examples = "Olofströms Pressverktyg AB", required = true) @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "SCB municipality code", examples = "1060", required = true)
        @NotBlank
        @ValidMunicipalityCode
        String municipalityCode,

        @Valid SniCodes sni,

        @Schema(examples = "55") @PositiveOrZero @Max(1_000_000)
        Integer numberOfEmployees,

        @Size(max = 200) @Pattern(regexp = "https?://[^\\s/$.?#][^\\s]*", message = "must be an http(s) address")
        String website,

        @Valid Address postalAddress) {

    CompanyProfile toProfile() {
        return profile(name, municipalityCode, sni, numberOfEmployees, website, postalAddress);
    }

    /** The profile a registration or an update describes. */
    static CompanyProfile profile(
            String name,
            String municipalityCode,
            SniCodes sni,
            Integer numberOfEmployees,
            String website,
            Address postalAddress) {
        return new CompanyProfile(
                name,
                municipalityCode,
                sni == null ? null : sni.primaryCode(),
                sni == null ? null : sni.secondaryCodes(),
                numberOfEmployees,
                website,
                postalAddress == null ? null : postalAddress.toAddress());
    }
}
