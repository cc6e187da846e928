package se.techtank.members.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The company's current state as every event on {@code members.company.v1} carries it (schema
 * {@code contracts/members/company.v1.json}). Fields are only ever added: a consumer reads the fields it
 * knows and ignores the rest (see {@link CompanyEvents}).
 */
public record CompanyState(
        UUID companyId,
        String organisationNumber,
        String legalForm,
        String name,
        String municipalityCode,
        boolean inBlekinge,
        String primarySni,
        List<String> secondarySni,
        String sniSection,
        Integer numberOfEmployees,
        String sizeClass,
        String website,
        Membership membership,
        List<Need> needs,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    /** A current need: the latest priority (1–5) a needs assessment gave a focus area. */
    public record Need(String focusArea, int priority, LocalDate assessedOn) {}

    /** The company's membership; absent when it never applied. */
    public record Membership(String status, LocalDate since, LocalDate validUntil, String feeTier) {}
}
