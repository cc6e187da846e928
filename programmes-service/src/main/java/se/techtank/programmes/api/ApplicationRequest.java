package se.techtank.programmes.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.Language;
import se.techtank.kernel.OrganisationNumber;
import se.techtank.kernel.ValidMunicipalityCode;
import se.techtank.kernel.ValidOrganisationNumber;
import se.techtank.kernel.ValidSniCode;
import se.techtank.platform.validation.EmailAddress;
import se.techtank.platform.validation.ValidEmailAddress;
import se.techtank.programmes.domain.Applicant;
import se.techtank.programmes.service.NewApplication;

/** An application to an intake. */
@Schema(name = "ApplicationRequest", examples = """
                {"company": {"organisationNumber": "556677-8899"},
                 "contact": {"name": "Anna Berg", "email": "anna.berg@verkstad.example.se", "language": "SV"},
                 "motivation": "Vi vill automatisera svetsningen."}""")
record ApplicationRequest(
        @Schema(required = true) @NotNull @Valid CompanyPart company,
        @Schema(required = true) @NotNull @Valid ContactPart contact,

        @Schema(description = "Why the company applies") @Size(max = 5000)
        String motivation,

        @Schema(description = "Staff only: accept a company that fails a rule, with the reason") @Valid
        OverridePart eligibilityOverride) {

    /**
     * The company: by organisation number. The member register's facts are used when it knows the company;
     * otherwise the facts given here (then marked DECLARED), of which name and municipality are required.
     */
    @Schema(name = "ApplyingCompany")
    record CompanyPart(
            @Schema(examples = "556677-8899", required = true) @NotBlank @ValidOrganisationNumber
            String organisationNumber,

            @Schema(description = "Declared name (when the register does not know the company)") @Size(max = 200)
            String name,

            @Schema(description = "Declared municipality code", examples = "1280") @ValidMunicipalityCode
            String municipalityCode,

            @Schema(description = "Declared number of employees") @Min(0) @Max(1000000)
            Integer numberOfEmployees,

            @Schema(description = "Declared size class")
            @Pattern(regexp = "MICRO|SMALL|MEDIUM|LARGE", message = "must be MICRO, SMALL, MEDIUM or LARGE")
            String sizeClass,

            @Schema(description = "Declared primary SNI 2007 code", examples = "25.110") @ValidSniCode
            String sniCode) {}

    @Schema(name = "ApplicationContact")
    record ContactPart(
            @Schema(examples = "Anna Berg", required = true) @NotBlank @Size(max = 200)
            String name,

            @Schema(examples = "anna.berg@verkstad.example.se", required = true) @NotBlank @ValidEmailAddress
            String email,

            @Schema(description = "SV or EN; SV if absent") Language language) {}

    @Schema(name = "EligibilityOverride")
    record OverridePart(
            @Schema(required = true) @NotBlank @Size(max = 2000)
            String reason) {}

    NewApplication toNewApplication() {
        return new NewApplication(
                OrganisationNumber.of(company.organisationNumber()).value(),
                new NewApplication.DeclaredCompany(
                        company.name(),
                        company.municipalityCode(),
                        company.numberOfEmployees(),
                        company.sizeClass(),
                        company.sniCode()),
                new Applicant(
                        contact.name(),
                        EmailAddress.of(contact.email()),
                        contact.language() == null ? Language.SV : contact.language()),
                motivation,
                eligibilityOverride == null ? null : eligibilityOverride.reason());
    }
}
