package se.techtank.members.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a company's membership, kept for ever: who, when, from, to and why. */
@Entity
@Table(name = "membership_transition")
public class MembershipTransition {

    @Id
    private UUID id;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private MembershipStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private MembershipStatus to;

    private String reason;

    @Column(name = "effective_date")
    private LocalDate effectiveDate;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    protected MembershipTransition() {}

    MembershipTransition(
            UUID companyId,
            MembershipStatus from,
            MembershipStatus to,
            String reason,
            LocalDate effectiveDate,
            String actor,
            OffsetDateTime occurredAt) {
        this.id = UUID.randomUUID();
        this.companyId = companyId;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.effectiveDate = effectiveDate;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    public UUID id() {
        return id;
    }

    public UUID companyId() {
        return companyId;
    }

    public MembershipStatus from() {
        return from;
    }

    public MembershipStatus to() {
        return to;
    }

    public String reason() {
        return reason;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public String actor() {
        return actor;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }
}
