package se.techtank.events.domain;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import se.techtank.members.events.readmodel.KnownCompany;

/**
 * A company as members-service last described it (read model of {@code members.company.v1}, written by
 * the shared projection of docs/events.md); used to recognise members when they register for meetings.
 * Never edited here.
 */
@Entity
@Table(name = "company")
public class Company extends KnownCompany {

    @Column(name = "membership_status")
    private String membershipStatus;

    protected Company() {}

    /** {@code APPLIED}, {@code ACTIVE}, {@code SUSPENDED}, … as members-service has it; empty if never applied. */
    public Optional<String> membershipStatus() {
        return Optional.ofNullable(membershipStatus);
    }

    /** Whether the company is an active member: who may register for members-only meetings. */
    public boolean isActiveMember() {
        return "ACTIVE".equals(membershipStatus);
    }
}
