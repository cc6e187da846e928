package se.techtank.notifications.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import se.techtank.members.events.readmodel.KnownCompany;

/** The companies notifications are about (name, municipality): the read model of docs/events.md. Never edited here. */
@Entity
@Table(name = "company")
public class Company extends KnownCompany {}
