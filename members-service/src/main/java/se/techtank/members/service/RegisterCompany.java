package se.techtank.members.service;

/** The command to register a company; fields already validated for form by the API layer. */
public record RegisterCompany(String organisationNumber, String name, String municipalityCode) {}
