package se.techtank.members.service;

import se.techtank.members.domain.CompanyProfile;
import se.techtank.members.domain.OrganisationNumber;

/** One valid row of an import file: the company it describes and where it stands in the file. */
public record CompanyImportRow(int rowNumber, OrganisationNumber organisationNumber, CompanyProfile profile) {}
