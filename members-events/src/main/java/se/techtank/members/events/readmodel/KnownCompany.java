package se.techtank.members.events.readmodel;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A company as members-service last described it: the columns of {@link CompanyColumn#IDENTITY} and the
 * bookkeeping of {@link CompanyProjection}, which alone writes them. A service's read model entity extends
 * this and maps the further columns its table has; it never changes a row itself.
 */
@MappedSuperclass
public abstract class KnownCompany {

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

    /** When the state the row holds was true: {@code ce_time} of the event it came with. */
    @Column(name = "state_as_of", nullable = false)
    private OffsetDateTime stateAsOf;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected KnownCompany() {}

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

    public OffsetDateTime stateAsOf() {
        return stateAsOf;
    }
}
