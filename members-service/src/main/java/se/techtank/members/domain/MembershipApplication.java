package se.techtank.members.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What someone sent through the public membership form: the applying person and their consents. */
@Entity
@Table(name = "membership_application")
public class MembershipApplication {

    @Id
    private UUID id;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    @Column(name = "applicant_name", nullable = false)
    private String applicantName;

    @Column(name = "applicant_email", nullable = false)
    private String applicantEmail;

    @Column(name = "applicant_phone")
    private String applicantPhone;

    @Column(name = "applicant_language", nullable = false)
    private String applicantLanguage;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] consents;

    private String message;

    @Column(name = "submitted_at", nullable = false)
    private OffsetDateTime submittedAt;

    protected MembershipApplication() {}

    public MembershipApplication(
            UUID companyId,
            String applicantName,
            String applicantEmail,
            String applicantPhone,
            String applicantLanguage,
            List<String> consents,
            String message,
            OffsetDateTime submittedAt) {
        this.id = UUID.randomUUID();
        this.companyId = companyId;
        this.applicantName = applicantName.strip();
        this.applicantEmail = applicantEmail.strip().toLowerCase(java.util.Locale.ROOT);
        this.applicantPhone = applicantPhone;
        this.applicantLanguage = applicantLanguage;
        this.consents = consents.toArray(String[]::new);
        this.message = message;
        this.submittedAt = submittedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID companyId() {
        return companyId;
    }

    public String applicantName() {
        return applicantName;
    }

    public String applicantEmail() {
        return applicantEmail;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }
}
