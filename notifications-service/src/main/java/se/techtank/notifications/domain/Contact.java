package se.techtank.notifications.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member company's contact person, as members.contact.v1 last said (the projection; never edited here). */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    private UUID id;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    private String name;

    private String email;

    @Column(nullable = false)
    private String language;

    /** The consent codes given, e.g. {@code MEETING_INVITATIONS}. */
    @Column(nullable = false)
    private String[] consents;

    /** When members-service created the contact; {@code null} for contacts projected before this was kept. */
    @Column(name = "created_at")
    private java.time.OffsetDateTime createdAt;

    protected Contact() {}

    public UUID id() {
        return id;
    }

    public UUID companyId() {
        return companyId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String language() {
        return language;
    }

    /** Whether the person was already a contact of the company at {@code time} (so is told of what happened then). */
    public boolean existedAt(java.time.Instant time) {
        return createdAt == null || !createdAt.toInstant().isAfter(time);
    }

    public java.time.Instant createdAt() {
        return createdAt == null ? null : createdAt.toInstant();
    }

    /** Whether the person has given {@code consent} (a code such as {@code MEETING_INVITATIONS}). */
    public boolean consented(String consent) {
        return java.util.Arrays.asList(consents).contains(consent);
    }
}
