package se.techtank.members.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import se.techtank.members.domain.Company;
import se.techtank.members.domain.SniCode;

/**
 * The company's current state as every event on {@code members.company.v1} carries it (schema
 * {@code contracts/members/company.v1.json}). Fields are only ever added.
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

    public static CompanyState of(Company company) {
        return new CompanyState(
                company.id(),
                company.organisationNumber().value(),
                company.legalForm().name(),
                company.name(),
                company.municipalityCode(),
                company.inBlekinge(),
                company.primarySni().map(SniCode::value).orElse(null),
                company.secondarySni().stream().map(SniCode::value).toList(),
                company.primarySni().map(sni -> String.valueOf(sni.section())).orElse(null),
                company.numberOfEmployees().orElse(null),
                company.sizeClass().map(Enum::name).orElse(null),
                company.website().orElse(null),
                company.membershipStatus()
                        .map(status -> new Membership(
                                status.name(),
                                company.membershipSince().orElse(null),
                                company.membershipValidUntil().orElse(null),
                                company.feeTier().map(Enum::name).orElse(null)))
                        .orElse(null),
                company.needs().stream()
                        .map(need -> new Need(need.focusArea().name(), need.priority(), need.assessedOn()))
                        .toList(),
                company.createdAt(),
                company.modifiedAt());
    }
}
