package se.techtank.members.service;

import se.techtank.members.domain.CompanyProfile;
import se.techtank.members.domain.ContactDetails;

/** The public membership application: the company, the person applying (with their consents). */
public record ApplyForMembership(
        String organisationNumber, CompanyProfile profile, ContactDetails applicant, String message) {}
