package se.techtank.members.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What was sent through the public membership form. The applying person is a {@link Contact} of the
 * company, so that GDPR access and erasure cover them; nothing personal is copied here.
 */
@Entity
@Table(name = "membership_application")
public class MembershipApplication {

    @Id
    private UUID id;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    @Column(name = "contact_id")
    private UUID contactId;

    private String message;

    @Column(name = "submitted_at", nullable = false)
    private OffsetDateTime submittedAt;

    protected MembershipApplication() {}

    public MembershipApplication(UUID companyId, UUID contactId, String message, OffsetDateTime submittedAt) {
        this.id = UUID.randomUUID();
        this.companyId = companyId;
        this.contactId = contactId;
        this.message = message;
        this.submittedAt = submittedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID companyId() {
        return companyId;
    }

    public UUID contactId() {
        return contactId;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }
}
