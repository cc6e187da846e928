package se.techtank.members.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.members.domain.Consent;
import se.techtank.members.service.ContactPersonalData;

@Schema(
        name = "ContactPersonalData",
        description = "Everything the member register holds about one person (GDPR art. 15): the contact, the "
                + "history of its consents and the company it belongs to.")
public record ContactPersonalDataResponse(
        @Schema(description = "The contact with all its fields, including when it was created, changed and erased")
        ContactResponse contact,

        @Schema(description = "The company the person is a contact of")
        CompanyReference company,

        @Schema(description = "Every time a consent was given or withdrawn, oldest first")
        List<ConsentChangeResponse> consentHistory,

        @Schema(description = "When this export was made") OffsetDateTime exportedAt) {

    @Schema(name = "CompanyReference", description = "A company by id and name")
    public record CompanyReference(
            UUID id,
            @Schema(examples = "Olofströms Pressverktyg AB") String name) {}

    @Schema(name = "ConsentChange", description = "A consent given or withdrawn")
    public record ConsentChangeResponse(Consent consent, boolean given, OffsetDateTime changedAt) {}

    static ContactPersonalDataResponse of(ContactPersonalData data) {
        return new ContactPersonalDataResponse(
                ContactResponse.of(data.contact()),
                new CompanyReference(data.companyId(), data.companyName()),
                data.consentHistory().stream()
                        .map(change -> new ConsentChangeResponse(change.consent(), change.given(), change.changedAt()))
                        .toList(),
                data.exportedAt());
    }
}
