package se.techtank.members.messaging.out;

import se.techtank.kernel.SniCode;
import se.techtank.members.domain.Company;
import se.techtank.members.events.CompanyState;

/** The payload of every event on {@code members.company.v1}, from the company as it is now. */
final class CompanyStates {

    private CompanyStates() {}

    static CompanyState of(Company company) {
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
                        .map(status -> new CompanyState.Membership(
                                status.name(),
                                company.membershipSince().orElse(null),
                                company.membershipValidUntil().orElse(null),
                                company.feeTier().map(Enum::name).orElse(null)))
                        .orElse(null),
                company.needs().stream()
                        .map(need -> new CompanyState.Need(need.focusArea().name(), need.priority(), need.assessedOn()))
                        .toList(),
                company.createdAt(),
                company.modifiedAt());
    }
}
