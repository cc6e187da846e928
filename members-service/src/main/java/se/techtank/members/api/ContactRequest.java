package se.techtank.members.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.Language;
import se.techtank.members.domain.Consent;
import se.techtank.members.domain.ContactDetails;
import se.techtank.members.domain.ValidConsent;
import se.techtank.members.domain.ValidPhoneNumber;
import se.techtank.platform.validation.EmailAddress;
import se.techtank.platform.validation.ValidEmailAddress;

@Schema(
        name = "ContactRequest",
        description = "A contact person of a company. On PUT it replaces the whole contact: a field left out is "
                + "cleared, a consent left out is withdrawn.",
        examples = """
                {"name": "Anna Berg", "email": "anna.berg@pressverktyg.example.se", "phone": "+46 454 30 00 00",
                 "role": "Produktionschef", "language": "sv", "consents": ["MEETING_INVITATIONS", "NEWSLETTER"]}
                """)
public record ContactRequest(
        @Schema(description = "The person's name", examples = "Anna Berg", required = true)
        @NotBlank
        @Size(max = ContactDetails.MAX_NAME_LENGTH)
        String name,

        @Schema(
                description = "E-mail address; unique among the company's contacts, whatever the letter case. "
                        + "The domain is stored in lower case.",
                examples = "anna.berg@pressverktyg.example.se",
                required = true)
        @NotBlank
        @Size(max = EmailAddress.MAX_LENGTH)
        @ValidEmailAddress
        String email,

        @Schema(description = "Digits, spaces, hyphens and a leading +", examples = "+46 454 30 00 00")
        @ValidPhoneNumber
        String phone,

        @Schema(description = "The person's role or title at the company", examples = "Produktionschef")
        @Size(max = ContactDetails.MAX_ROLE_LENGTH)
        String role,

        @Schema(
                description = "Preferred language: `sv` (the default) or `en`",
                enumeration = {"sv", "en"},
                defaultValue = "sv")
        @Pattern(regexp = "sv|en", message = "must be sv or en")
        String language,

        @Schema(
                description = "The consents the person has given; the others are withdrawn (none by default)",
                type = SchemaType.ARRAY,
                implementation = Consent.class)
        List<@NotNull @ValidConsent String> consents) {

    ContactDetails toDetails() {
        Set<Consent> given = EnumSet.noneOf(Consent.class);
        if (consents != null) {
            consents.forEach(code -> given.add(Consent.of(code).orElseThrow()));
        }
        return new ContactDetails(
                name,
                EmailAddress.of(email),
                phone,
                role,
                language == null ? Language.DEFAULT : Language.of(language).orElseThrow(),
                given);
    }
}
