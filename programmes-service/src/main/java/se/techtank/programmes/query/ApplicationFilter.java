package se.techtank.programmes.query;

import java.util.List;
import java.util.UUID;

import se.techtank.programmes.domain.ApplicationStatus;

/**
 * Which applications a list shows; every criterion is optional and they combine with AND.
 *
 * @param onlyCompany restricts the list to one company (a member sees only its own)
 * @param onlyCounties restricts the list to companies in these counties (a partner sees its region), or
 *     to those a partner submitted ({@code submittedBy})
 */
public record ApplicationFilter(
        UUID programmeId,
        UUID intakeId,
        ApplicationStatus status,
        String organisationNumber,
        java.time.Instant modifiedSince,
        UUID onlyCompany,
        List<String> onlyCounties,
        String submittedByPartner) {

    public ApplicationFilter ofCompany(UUID companyId) {
        return new ApplicationFilter(
                programmeId, intakeId, status, organisationNumber, modifiedSince, companyId, null, null);
    }

    public ApplicationFilter inCounties(List<String> counties, String partnerId) {
        return new ApplicationFilter(
                programmeId, intakeId, status, organisationNumber, modifiedSince, null, counties, partnerId);
    }
}
