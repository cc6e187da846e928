package se.techtank.members.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import se.techtank.kernel.FocusArea;
import se.techtank.kernel.MunicipalityCode;
import se.techtank.members.domain.CompanyFilter;
import se.techtank.members.domain.MembershipStatus;
import se.techtank.members.domain.SizeClass;
import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.InvalidRequestException;

/** Reads the list filters of {@code GET /api/v1/companies}; a malformed one is a 400 naming it. */
final class CompanyListParameters {

    private CompanyListParameters() {}

    static CompanyFilter filter(
            String q,
            String municipality,
            String sni,
            String sizeClass,
            String modifiedSince,
            String membershipStatus,
            String focusArea) {
        List<FieldError> errors = new ArrayList<>();
        String text = blankToNull(q);
        if (text != null && text.length() > 100) {
            errors.add(new FieldError("q", "must be at most 100 characters"));
        }
        String municipalityCode = blankToNull(municipality);
        if (municipalityCode != null && !MunicipalityCode.isValid(municipalityCode)) {
            errors.add(new FieldError("municipality", "must be a Swedish municipality code, e.g. 1082"));
        }
        String sniPrefix = blankToNull(sni);
        if (sniPrefix != null && !sniPrefix.matches("\\d{1,2}|\\d{2}\\.?\\d{1,3}")) {
            errors.add(new FieldError("sni", "must be the start of an SNI code, e.g. 25 or 25.11"));
        } else if (sniPrefix != null && sniPrefix.matches("\\d{3,5}")) {
            sniPrefix = sniPrefix.substring(0, 2) + "." + sniPrefix.substring(2);
        }
        SizeClass size = null;
        if (blankToNull(sizeClass) != null) {
            try {
                size = SizeClass.valueOf(sizeClass.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sizeClass", "must be one of MICRO, SMALL, MEDIUM, LARGE"));
            }
        }
        OffsetDateTime since = null;
        if (blankToNull(modifiedSince) != null) {
            try {
                since = OffsetDateTime.parse(modifiedSince.strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(
                        "modifiedSince", "must be an ISO-8601 time with offset, e.g. 2026-10-01T00:00:00Z"));
            }
        }
        MembershipStatus status = null;
        if (blankToNull(membershipStatus) != null) {
            try {
                status = MembershipStatus.valueOf(membershipStatus.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(
                        "membershipStatus", "must be one of APPLIED, ACTIVE, SUSPENDED, TERMINATED, REJECTED"));
            }
        }
        FocusArea area = null;
        if (blankToNull(focusArea) != null) {
            try {
                area = FocusArea.valueOf(focusArea.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("focusArea", "must be one of the focus area codes, e.g. AUTOMATION"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The filters are invalid.", errors);
        }
        return new CompanyFilter(text, municipalityCode, sniPrefix, size, since, status, area, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
