package se.techtank.members.domain;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One consent of a contact as it stands: given or withdrawn, and since when. */
@Embeddable
public record ConsentStatus(
        @Column(name = "given", nullable = false) boolean given,
        @Column(name = "changed_at", nullable = false) OffsetDateTime changedAt) {

    public ConsentStatus {
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
