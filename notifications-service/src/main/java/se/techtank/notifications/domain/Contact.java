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

    /** Whether the person has given {@code consent} (a code such as {@code MEETING_INVITATIONS}). */
    public boolean consented(String consent) {
        return java.util.Arrays.asList(consents).contains(consent);
    }
}
