package se.techtank.members.query;

import java.time.OffsetDateTime;
import java.util.UUID;

import se.techtank.kernel.FocusArea;
import se.techtank.members.domain.MembershipStatus;
import se.techtank.members.domain.SizeClass;

/**
 * Which companies a list shows; every criterion is optional and they combine with AND.
 *
 * @param text part of the name (case- and accent-insensitive) or the start of the organisation number
 * @param sniPrefix matches primary or secondary SNI codes starting with it ({@code 25} matches {@code 25.110})
 * @param focusArea companies with a current need in this area at priority 3 or higher
 * @param onlyCompany restricts the list to one company (a member sees only its own)
 */
public record CompanyFilter(
        String text,
        String municipalityCode,
        String sniPrefix,
        SizeClass sizeClass,
        OffsetDateTime modifiedSince,
        MembershipStatus membershipStatus,
        FocusArea focusArea,
        UUID onlyCompany) {

    /** The fields a list of companies sorts by. */
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("name", "modifiedAt");

    public CompanyFilter onlyCompany(UUID companyId) {
        return new CompanyFilter(
                text, municipalityCode, sniPrefix, sizeClass, modifiedSince, membershipStatus, focusArea, companyId);
    }

    public CompanyFilter inMunicipality(String code) {
        return new CompanyFilter(
                text, code, sniPrefix, sizeClass, modifiedSince, membershipStatus, focusArea, onlyCompany);
    }
}
