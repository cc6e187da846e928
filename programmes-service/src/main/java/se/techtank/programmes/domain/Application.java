package se.techtank.programmes.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import se.techtank.kernel.Language;

/**
 * A company's application to an intake: the company's facts as judged (from the register, or declared by
 * a partner), the eligibility results, the contact person, and its status. The contact leaves the
 * application when the person is erased ({@link #anonymise}).
 */
@Entity
@Table(name = "application")
public class Application {

    @Id
    private UUID id;

    @Column(name = "intake_id", nullable = false)
    private UUID intakeId;

    @Column(name = "programme_id", nullable = false)
    private UUID programmeId;

    @Column(name = "company_id")
    private UUID companyId;

    @Column(name = "organisation_number", nullable = false)
    private String organisationNumber;

    @Column(name = "company_name", nullable = false)
    private String companyName;

    @Column(name = "municipality_code")
    private String municipalityCode;

    @Column(name = "number_of_employees")
    private Integer numberOfEmployees;

    @Column(name = "size_class")
    private String sizeClass;

    @Column(name = "sni_code")
    private String sniCode;

    @Column(name = "membership_status")
    private String membershipStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "facts_source", nullable = false)
    private FactsSource factsSource;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_email_hash")
    private String contactEmailHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "contact_language")
    private Language contactLanguage;

    private String motivation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<RuleResult> eligibility;

    @Column(name = "eligibility_unknown", nullable = false)
    private boolean eligibilityUnknown;

    @Column(name = "eligibility_override_reason")
    private String eligibilityOverrideReason;

    @Column(name = "submitted_by_role", nullable = false)
    private String submittedByRole;

    @Column(name = "submitted_by_partner")
    private String submittedByPartner;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @Version
    private long version;

    protected Application() {}

    public static Application submit(
            Intake intake,
            UUID companyId,
            CompanyFacts facts,
            Applicant applicant,
            String motivation,
            List<RuleResult> eligibility,
            String overrideReason,
            Submitter submitter,
            Instant now) {
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.intakeId = intake.id();
        application.programmeId = intake.programmeId();
        application.companyId = companyId;
        application.organisationNumber = facts.organisationNumber();
        application.companyName = facts.name();
        application.municipalityCode = facts.municipalityCode();
        application.numberOfEmployees = facts.numberOfEmployees();
        application.sizeClass = facts.sizeClass();
        application.sniCode = facts.sniCode();
        application.membershipStatus = facts.membershipStatus();
        application.factsSource = facts.source();
        application.contactName = applicant.name().strip();
        application.contactEmail = applicant.email().value();
        application.contactEmailHash = applicant.email().hash();
        application.contactLanguage = applicant.language();
        application.motivation = motivation == null || motivation.isBlank() ? null : motivation.strip();
        application.status = ApplicationStatus.SUBMITTED;
        application.eligibility = List.copyOf(eligibility);
        application.eligibilityUnknown = Eligibility.anyUnknown(eligibility);
        application.eligibilityOverrideReason = overrideReason;
        application.submittedByRole = submitter.role();
        application.submittedByPartner = submitter.partnerId();
        application.submittedBy = submitter.subject();
        application.submittedAt = now;
        application.modifiedAt = now;
        return application;
    }

    /** Moves to {@code target} if the current state allows it; returns the state it left. */
    public ApplicationStatus moveTo(ApplicationStatus target, Instant now) {
        if (!status.next().contains(target)) {
            throw new IllegalApplicationTransitionException(target, status);
        }
        ApplicationStatus from = status;
        status = target;
        modifiedAt = now;
        return from;
    }

    /** Removes the contact person; the application itself (a company's, no personal data) stays. */
    public boolean anonymise(Instant now) {
        if (anonymisedAt != null) {
            return false;
        }
        contactName = null;
        contactEmail = null;
        contactEmailHash = null;
        contactLanguage = null;
        motivation = null;
        submittedBy = null;
        anonymisedAt = now;
        modifiedAt = now;
        return true;
    }

    public UUID id() {
        return id;
    }

    public UUID intakeId() {
        return intakeId;
    }

    public UUID programmeId() {
        return programmeId;
    }

    public Optional<UUID> companyId() {
        return Optional.ofNullable(companyId);
    }

    public CompanyFacts facts() {
        return new CompanyFacts(
                organisationNumber,
                companyName,
                municipalityCode,
                numberOfEmployees,
                sizeClass,
                sniCode,
                membershipStatus,
                factsSource);
    }

    /** The contact, absent once anonymised. */
    public Optional<Contact> contact() {
        return contactEmail == null
                ? Optional.empty()
                : Optional.of(new Contact(contactName, contactEmail, contactLanguage));
    }

    /** The contact as stored. */
    public record Contact(String name, String email, Language language) {}

    public Optional<String> motivation() {
        return Optional.ofNullable(motivation);
    }

    public ApplicationStatus status() {
        return status;
    }

    public List<RuleResult> eligibility() {
        return eligibility;
    }

    public boolean eligibilityUnknown() {
        return eligibilityUnknown;
    }

    public Optional<String> eligibilityOverrideReason() {
        return Optional.ofNullable(eligibilityOverrideReason);
    }

    public Submitter submitter() {
        return new Submitter(submittedByRole, submittedByPartner, submittedBy);
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public Optional<Instant> anonymisedAt() {
        return Optional.ofNullable(anonymisedAt);
    }

    public long version() {
        return version;
    }
}
