package se.techtank.members.service;

import java.util.List;

import se.techtank.members.domain.CompanyProfile;

/** The public membership application: the company, the person applying and what they consented to. */
public record ApplyForMembership(
        String organisationNumber,
        CompanyProfile profile,
        String applicantName,
        String applicantEmail,
        String applicantPhone,
        String applicantLanguage,
        List<String> consents,
        String message) {}
