package se.techtank.programmes.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import se.techtank.members.events.readmodel.KnownCompany;

/**
 * A company as members-service last described it (read model of {@code members.company.v1}, written by
 * the shared projection of docs/events.md), to check that an applying company is known. Never edited here.
 */
@Entity
@Table(name = "company")
public class Company extends KnownCompany {

    protected Company() {}
}
