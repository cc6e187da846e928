package se.techtank.members.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.Language;
import se.techtank.kernel.ValidMunicipalityCode;
import se.techtank.kernel.ValidOrganisationNumber;
import se.techtank.members.domain.Consent;
import se.techtank.members.domain.ContactDetails;
import se.techtank.members.service.ApplyForMembership;
import se.techtank.platform.validation.EmailAddress;

@Schema(
        name = "MembershipApplicationRequest",
        description = "The public \"bli medlem\" form: the company, one contact person and their consent.",
        examples = """
                {"company": {"organisationNumber": "556036-0793", "name": "Olofströms Pressverktyg AB",
                             "municipalityCode": "1060", "numberOfEmployees": 42},
                 "contact": {"name": "Anna Svensson", "email": "anna.svensson@example.se", "language": "sv"},
                 "consents": ["MEETING_INVITATIONS", "PROGRAMME_NEWS"],
                 "acceptsMembershipTerms": true,
                 "message": "Vi vill gärna delta i Robotlyftet."}
                """)
public record MembershipApplicationRequest(
        @NotNull @Valid ApplyingCompany company,
        @NotNull @Valid ApplyingContact contact,

        @Schema(description = "What the contact person agrees to receive") @Size(max = 3)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "MEETING_INVITATIONS|PROGRAMME_NEWS|NEWSLETTER",
                                message = "must be MEETING_INVITATIONS, PROGRAMME_NEWS or NEWSLETTER")
                        String>
                consents,

        @Schema(description = "Must be true: the applicant accepts the membership terms", required = true)
        @NotNull
        @AssertTrue(message = "must be true to apply")
        Boolean acceptsMembershipTerms,

        @Size(max = 2000) String message) {

    @Schema(name = "ApplyingCompany", description = "Used only when the company is not registered yet")
    public record ApplyingCompany(
            @Schema(examples = "556036-0793", required = true) @NotBlank @ValidOrganisationNumber
            String organisationNumber,

            @Schema(examples = "Olofströms Pressverktyg AB", required = true) @NotBlank @Size(max = 200)
            String name,

            @Schema(examples = "1060", required = true) @NotBlank @ValidMunicipalityCode
            String municipalityCode,

            @Schema(examples = "42") @PositiveOrZero @Max(1_000_000)
            Integer numberOfEmployees) {}

    @Schema(name = "ApplyingContact", description = "The person applying on behalf of the company")
    public record ApplyingContact(
            @Schema(examples = "Anna Svensson", required = true) @NotBlank @Size(max = 200)
            String name,

            @Schema(examples = "anna.svensson@example.se", required = true) @NotBlank @Email @Size(max = 254)
            String email,

            @Schema(examples = "+46 454 123 45")
            @Size(max = 30)
            @Pattern(regexp = "[+0-9 ()-]*", message = "must be a phone number")
            String phone,

            @Schema(description = "Preferred language", examples = "sv", required = true)
            @NotBlank
            @Pattern(regexp = "sv|en", message = "must be sv or en")
            String language) {}

    ApplyForMembership toCommand() {
        java.util.Set<Consent> given = java.util.EnumSet.noneOf(Consent.class);
        if (consents != null) {
            consents.forEach(code -> given.add(Consent.of(code).orElseThrow()));
        }
        return new ApplyForMembership(
                company.organisationNumber(),
                UpdateCompanyRequest.profile(
                        company.name(), company.municipalityCode(), null, company.numberOfEmployees(), null, null),
                new ContactDetails(
                        contact.name(),
                        EmailAddress.of(contact.email()),
                        contact.phone() == null || contact.phone().isBlank()
                                ? null
                                : contact.phone().strip(),
                        null,
                        Language.of(contact.language()).orElseThrow(),
                        given),
                message);
    }
}
