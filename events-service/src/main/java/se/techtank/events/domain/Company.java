package se.techtank.events.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A company as members-service last described it (read model of {@code members.company.v1}); used
 * to recognise members when they register for meetings. Never edited here.
 */
@Entity
@Table(name = "company")
public class Company {

    @Id
    private UUID id;

    @Column(name = "organisation_number", nullable = false)
    private String organisationNumber;

    @Column(nullable = false)
    private String name;

    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode;

    @Column(name = "in_blekinge", nullable = false)
    private boolean inBlekinge;

    @Column(name = "membership_status")
    private String membershipStatus;

    @Column(name = "state_as_of", nullable = false)
    private OffsetDateTime stateAsOf;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Company() {}

    public static Company known(UUID id) {
        Company company = new Company();
        company.id = id;
        return company;
    }

    /**
     * Takes the state an event carries, unless this row already reflects a later one (a replayed or
     * redelivered older event must not undo a newer state).
     *
     * @return whether the state was taken
     */
    public boolean describe(
            String organisationNumber,
            String name,
            String municipalityCode,
            boolean inBlekinge,
            String membershipStatus,
            OffsetDateTime asOf,
            OffsetDateTime now) {
        if (stateAsOf != null && asOf.isBefore(stateAsOf)) {
            return false;
        }
        this.organisationNumber = organisationNumber;
        this.name = name;
        this.municipalityCode = municipalityCode;
        this.inBlekinge = inBlekinge;
        this.membershipStatus = membershipStatus;
        this.stateAsOf = asOf;
        this.updatedAt = now;
        return true;
    }

    public UUID id() {
        return id;
    }

    public String organisationNumber() {
        return organisationNumber;
    }

    public String name() {
        return name;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public boolean inBlekinge() {
        return inBlekinge;
    }

    /** {@code APPLIED}, {@code ACTIVE}, {@code SUSPENDED}, … as members-service has it; empty if never applied. */
    public java.util.Optional<String> membershipStatus() {
        return java.util.Optional.ofNullable(membershipStatus);
    }

    /** Whether the company is an active member: who may register for members-only meetings. */
    public boolean isActiveMember() {
        return "ACTIVE".equals(membershipStatus);
    }

    public OffsetDateTime stateAsOf() {
        return stateAsOf;
    }
}
