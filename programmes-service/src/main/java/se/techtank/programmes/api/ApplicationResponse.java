package se.techtank.programmes.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.Language;
import se.techtank.programmes.domain.Application;
import se.techtank.programmes.domain.ApplicationStatus;
import se.techtank.programmes.domain.FactsSource;
import se.techtank.programmes.domain.RuleResult;

/** An application; {@code contact} is absent once the person was erased. */
@Schema(name = "Application")
record ApplicationResponse(
        UUID id,
        UUID programmeId,
        UUID intakeId,
        Company company,
        Contact contact,
        String motivation,
        ApplicationStatus status,
        Eligibility eligibility,
        SubmittedBy submittedBy,
        OffsetDateTime submittedAt,
        OffsetDateTime modifiedAt) {

    @Schema(name = "ApplicationCompany", description = "The company's facts as judged; factsSource says whose")
    record Company(
            UUID companyId,
            String organisationNumber,
            String name,
            String municipalityCode,
            Integer numberOfEmployees,
            String sizeClass,
            String sniCode,
            FactsSource factsSource) {}

    @Schema(name = "ApplicationContactPerson")
    record Contact(String name, String email, Language language) {}

    @Schema(name = "Eligibility", description = "One result per rule; unknown: some rule's fact was not known")
    record Eligibility(List<RuleResult> rules, boolean unknown, String overrideReason) {}

    @Schema(name = "SubmittedBy")
    record SubmittedBy(
            @Schema(enumeration = {"STAFF", "MEMBER", "PARTNER"})
            String role,

            String partnerId) {}

    static ApplicationResponse of(Application application) {
        var facts = application.facts();
        return new ApplicationResponse(
                application.id(),
                application.programmeId(),
                application.intakeId(),
                new Company(
                        application.companyId().orElse(null),
                        facts.organisationNumber(),
                        facts.name(),
                        facts.municipalityCode(),
                        facts.numberOfEmployees(),
                        facts.sizeClass(),
                        facts.sniCode(),
                        facts.source()),
                application
                        .contact()
                        .map(c -> new Contact(c.name(), c.email(), c.language()))
                        .orElse(null),
                application.motivation().orElse(null),
                application.status(),
                new Eligibility(
                        application.eligibility(),
                        application.eligibilityUnknown(),
                        application.eligibilityOverrideReason().orElse(null)),
                new SubmittedBy(
                        application.submitter().role(), application.submitter().partnerId()),
                Texts.stockholm(application.submittedAt()),
                Texts.stockholm(application.modifiedAt()));
    }
}
