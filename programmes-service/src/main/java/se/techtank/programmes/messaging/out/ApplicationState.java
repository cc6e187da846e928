package se.techtank.programmes.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.techtank.programmes.domain.Application;
import se.techtank.programmes.domain.RuleResult;

/**
 * The payload of every event on {@code programmes.application.v1} (schema {@code
 * contracts/programmes/application.v1.json}). {@code contact} is absent once the person was erased.
 */
public record ApplicationState(
        UUID applicationId,
        UUID programmeId,
        String programmeCode,
        UUID intakeId,
        Company company,
        SubmittedBy submittedBy,
        String status,
        Eligibility eligibility,
        Contact contact,
        Instant submittedAt,
        Instant modifiedAt) {

    /** The applying company as judged; {@code companyId} when the register knows it. */
    public record Company(
            UUID companyId,
            String organisationNumber,
            String name,
            String municipalityCode,
            Integer numberOfEmployees,
            String sizeClass,
            String sniCode,
            String factsSource) {}

    public record SubmittedBy(String role, String partnerId) {}

    public record Eligibility(List<RuleResult> rules, boolean unknown, String overrideReason) {}

    public record Contact(String name, String email, String language) {}

    static ApplicationState of(Application application, String programmeCode) {
        var facts = application.facts();
        return new ApplicationState(
                application.id(),
                application.programmeId(),
                programmeCode,
                application.intakeId(),
                new Company(
                        application.companyId().orElse(null),
                        facts.organisationNumber(),
                        facts.name(),
                        facts.municipalityCode(),
                        facts.numberOfEmployees(),
                        facts.sizeClass(),
                        facts.sniCode(),
                        facts.source().name()),
                new SubmittedBy(
                        application.submitter().role(), application.submitter().partnerId()),
                application.status().name(),
                new Eligibility(
                        application.eligibility(),
                        application.eligibilityUnknown(),
                        application.eligibilityOverrideReason().orElse(null)),
                application
                        .contact()
                        .map(c -> new Contact(c.name(), c.email(), c.language().name()))
                        .orElse(null),
                application.submittedAt(),
                application.modifiedAt());
    }
}
