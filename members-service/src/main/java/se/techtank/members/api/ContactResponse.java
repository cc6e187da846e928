package se.techtank.members.api;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.members.domain.Consent;
import se.techtank.members.domain.Contact;
import se.techtank.platform.validation.EmailAddress;

@Schema(
        name = "Contact",
        description = "A contact person of a company. An erased contact (GDPR) has no name, e-mail or phone.")
public record ContactResponse(
        @Schema(description = "The contact's id", examples = "7c1e9a3f-2d6b-4c0e-8f4a-3f2c8e0a5b7d")
        UUID id,

        @Schema(description = "The company the person works for", examples = "3f2c8e0a-5b7d-4c1e-9a3f-2d6b8c0e1f4a")
        UUID companyId,

        @Schema(description = "Absent once erased", examples = "Anna Berg")
        String name,

        @Schema(description = "Absent once erased", examples = "anna.berg@pressverktyg.example.se")
        String email,

        @Schema(examples = "+46 454 30 00 00") String phone,
        @Schema(examples = "Produktionschef") String role,

        @Schema(
                description = "Preferred language",
                enumeration = {"sv", "en"},
                examples = "sv")
        String language,

        @Schema(description = "Every consent by code: given or withdrawn, and since when")
        Map<Consent, ConsentResponse> consents,

        @Schema(description = "Whether the person was erased (GDPR); an erased contact never changes again")
        boolean erased,

        @Schema(description = "When the person was erased") OffsetDateTime erasedAt,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    @Schema(name = "ConsentState", description = "One consent of a contact")
    public record ConsentResponse(
            @Schema(description = "Given (true) or withdrawn / never given (false)")
            boolean given,

            @Schema(description = "When it was given or withdrawn (for one never given: when the contact was added)")
            OffsetDateTime changedAt) {}

    static ContactResponse of(Contact contact) {
        Map<Consent, ConsentResponse> consents = new LinkedHashMap<>();
        contact.consents()
                .forEach((consent, status) ->
                        consents.put(consent, new ConsentResponse(status.given(), status.changedAt())));
        return new ContactResponse(
                contact.id(),
                contact.companyId(),
                contact.name().orElse(null),
                contact.email().map(EmailAddress::value).orElse(null),
                contact.phone().orElse(null),
                contact.role().orElse(null),
                contact.language().code(),
                consents,
                contact.isErased(),
                contact.erasedAt().orElse(null),
                contact.createdAt(),
                contact.modifiedAt());
    }
}
