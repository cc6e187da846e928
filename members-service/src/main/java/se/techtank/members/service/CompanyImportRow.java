package se.techtank.members.service;

import se.techtank.kernel.OrganisationNumber;
import se.techtank.members.domain.CompanyProfile;

/** One valid row of an import file: the company it describes and where it stands in the file. */
public record CompanyImportRow(int rowNumber, OrganisationNumber organisationNumber, CompanyProfile profile) {}
