package se.techtank.events.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.events.domain.Registration;
import se.techtank.events.service.NewRegistration;
import se.techtank.kernel.Language;
import se.techtank.kernel.OrganisationNumber;
import se.techtank.kernel.ValidOrganisationNumber;
import se.techtank.platform.validation.EmailAddress;
import se.techtank.platform.validation.ValidEmailAddress;

@Schema(
        name = "RegistrationRequest",
        description = "A registration for a meeting. For a members-only meeting, the organisation number of an "
                + "active member company is required (unless the caller has a member token).",
        examples = """
                {"attendee": {"name": "Anna Berg", "email": "anna.berg@pressverktyg.example.se", "language": "sv"},
                 "organisationNumber": "556036-0793", "dietaryRequirements": "Vegetarisk",
                 "message": "Vi kommer två från produktionen.", "attendeeListConsent": true}
                """)
public record RegistrationRequest(
        @Schema(required = true) @NotNull @Valid Attendee attendee,

        @Schema(
                description = "The attendee's company (NNNNNN-NNNN; with or without hyphen, 10 or 12 digits)",
                examples = "556036-0793")
        @ValidOrganisationNumber
        String organisationNumber,

        @Schema(examples = "Vegetarisk") @Size(max = 500) String dietaryRequirements,

        @Schema(description = "A message to the organisers") @Size(max = 2000)
        String message,

        @Schema(description = "May the name and company appear on the attendee list shown to other attendees")
        Boolean attendeeListConsent) {

    @Schema(name = "Attendee", description = "Who attends")
    public record Attendee(
            @Schema(examples = "Anna Berg", required = true) @NotBlank @Size(max = 200)
            String name,

            @Schema(examples = "anna.berg@pressverktyg.example.se", required = true)
            @NotBlank
            @Size(max = EmailAddress.MAX_LENGTH)
            @ValidEmailAddress
            String email,

            @Schema(
                    description = "`sv` (default) or `en`: the language of the confirmation",
                    enumeration = {"sv", "en"})
            @Pattern(regexp = "sv|en", message = "must be sv or en")
            String language) {}

    NewRegistration toNewRegistration() {
        return new NewRegistration(
                new Registration.Attendee(
                        attendee.name().strip(),
                        EmailAddress.of(attendee.email()),
                        attendee.language() == null
                                ? Language.DEFAULT
                                : Language.of(attendee.language()).orElseThrow(),
                        blankToNull(dietaryRequirements),
                        blankToNull(message),
                        Boolean.TRUE.equals(attendeeListConsent)),
                organisationNumber == null || organisationNumber.isBlank()
                        ? null
                        : OrganisationNumber.of(organisationNumber).value());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
