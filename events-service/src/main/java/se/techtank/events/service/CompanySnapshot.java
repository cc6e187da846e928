package se.techtank.events.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A company's state as members-service published it, and when that state was true. */
public record CompanySnapshot(
        UUID companyId,
        String organisationNumber,
        String name,
        String municipalityCode,
        boolean inBlekinge,
        String membershipStatus,
        OffsetDateTime asOf) {}
