package se.techtank.members.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A company in the member register, identified to the outside world by its organisation number. */
@Entity
@Table(name = "company")
public class Company {

    @Id
    private UUID id;

    @Column(name = "organisation_number", nullable = false, unique = true, length = 11)
    private String organisationNumber;

    @Column(nullable = false)
    private String name;

    @Column(name = "municipality_code", nullable = false, length = 4)
    private String municipalityCode;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "modified_at", nullable = false)
    private OffsetDateTime modifiedAt;

    @Version
    private long version;

    protected Company() {}

    /** A newly registered company. */
    public static Company register(
            OrganisationNumber organisationNumber, String name, String municipalityCode, OffsetDateTime now) {
        if (!MunicipalityCode.isValid(municipalityCode)) {
            throw new IllegalArgumentException("Invalid municipality code " + municipalityCode);
        }
        Company company = new Company();
        company.id = UUID.randomUUID();
        company.organisationNumber = organisationNumber.value();
        company.name = name.strip();
        company.municipalityCode = municipalityCode;
        company.createdAt = now;
        company.modifiedAt = now;
        return company;
    }

    public UUID id() {
        return id;
    }

    public OrganisationNumber organisationNumber() {
        return new OrganisationNumber(organisationNumber);
    }

    public String name() {
        return name;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public boolean inBlekinge() {
        return MunicipalityCode.inBlekinge(municipalityCode);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime modifiedAt() {
        return modifiedAt;
    }

    public long version() {
        return version;
    }
}
