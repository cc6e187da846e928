package se.techtank.programmes.domain;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import se.techtank.members.events.readmodel.KnownCompany;

/**
 * A company as members-service last described it (read model of {@code members.company.v1}, written by
 * the shared projection of docs/events.md), with the facts eligibility is judged on. Never edited here.
 */
@Entity
@Table(name = "company")
public class Company extends KnownCompany {

    @Column(name = "membership_status")
    private String membershipStatus;

    @Column(name = "number_of_employees")
    private Integer numberOfEmployees;

    @Column(name = "size_class")
    private String sizeClass;

    @Column(name = "primary_sni")
    private String primarySni;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "needs")
    private List<CompanyNeed> needs;

    protected Company() {}

    public Optional<String> membershipStatus() {
        return Optional.ofNullable(membershipStatus);
    }

    /** The current needs (none known: empty). */
    public List<CompanyNeed> needs() {
        return needs == null ? List.of() : needs;
    }

    /** The register's facts about this company. */
    public CompanyFacts facts() {
        return new CompanyFacts(
                organisationNumber(),
                name(),
                municipalityCode(),
                numberOfEmployees,
                sizeClass,
                primarySni,
                membershipStatus,
                FactsSource.REGISTER);
    }
}
