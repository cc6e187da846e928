package se.techtank.members.domain;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One entry of a contact's consent history: a consent given or withdrawn at a time. */
@Embeddable
public record ConsentChange(
        @Enumerated(EnumType.STRING) @Column(name = "consent", nullable = false, length = 30)
        Consent consent,

        @Column(name = "given", nullable = false) boolean given,
        @Column(name = "changed_at", nullable = false) OffsetDateTime changedAt) {

    public ConsentChange {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
