package se.techtank.members.service;

import se.techtank.members.domain.CompanyProfile;

/** The command to register a company; fields already validated for form by the API layer. */
public record RegisterCompany(String organisationNumber, CompanyProfile profile) {}
