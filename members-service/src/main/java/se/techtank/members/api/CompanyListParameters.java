package se.techtank.members.api;

import java.time.OffsetDateTime;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import se.techtank.kernel.FocusArea;
import se.techtank.kernel.MunicipalityCode;
import se.techtank.members.domain.MembershipStatus;
import se.techtank.members.domain.SizeClass;
import se.techtank.members.query.CompanyFilter;
import se.techtank.platform.query.QueryParameters;

/**
 * The list filters of {@code GET /api/v1/companies}, taken as {@code @BeanParam}; a malformed one is a 400
 * naming it.
 */
public class CompanyListParameters {

    @QueryParam("q")
    @Parameter(
            description = "Part of the name (case- and accent-insensitive: `solvesborg` finds "
                    + "`Sölvesborgs Stål AB`) or the start of the organisation number",
            example = "pressverktyg")
    String q;

    @QueryParam("municipality")
    @Parameter(description = "SCB municipality code", example = "1082")
    String municipality;

    @QueryParam("sni")
    @Parameter(
            description = "SNI code prefix, matching primary or secondary codes (`25` matches `25.110`)",
            example = "25")
    String sni;

    @QueryParam("sizeClass")
    @Parameter(description = "EU size class", schema = @Schema(implementation = SizeClass.class))
    String sizeClass;

    @QueryParam("modifiedSince")
    @Parameter(
            description = "Only companies changed at or after this time (ISO-8601 with offset)",
            example = "2026-10-01T00:00:00Z")
    String modifiedSince;

    @QueryParam("membershipStatus")
    @Parameter(description = "Membership status", schema = @Schema(implementation = MembershipStatus.class))
    String membershipStatus;

    @QueryParam("focusArea")
    @Parameter(
            description = "Companies with a current need in this focus area at priority 3 or higher",
            schema = @Schema(implementation = FocusArea.class))
    String focusArea;

    CompanyFilter filter() {
        QueryParameters parameters = new QueryParameters();
        String text = parameters.text("q", q, 100);
        String municipalityCode = QueryParameters.text(municipality);
        if (municipalityCode != null && !MunicipalityCode.isValid(municipalityCode)) {
            parameters.reject("municipality", "must be a Swedish municipality code, e.g. 1082");
        }
        String sniPrefix = QueryParameters.text(sni);
        if (sniPrefix != null && !sniPrefix.matches("\\d{1,2}|\\d{2}\\.?\\d{1,3}")) {
            parameters.reject("sni", "must be the start of an SNI code, e.g. 25 or 25.11");
        } else if (sniPrefix != null && sniPrefix.matches("\\d{3,5}")) {
            sniPrefix = sniPrefix.substring(0, 2) + "." + sniPrefix.substring(2);
        }
        SizeClass size = parameters.oneOf("sizeClass", sizeClass, SizeClass.class);
        OffsetDateTime since = parameters.time("modifiedSince", modifiedSince);
        MembershipStatus status = parameters.oneOf("membershipStatus", membershipStatus, MembershipStatus.class);
        FocusArea area = parameters.oneOf(
                "focusArea", focusArea, FocusArea.class, "must be one of the focus area codes, e.g. AUTOMATION");
        parameters.throwIfInvalid("The filters are invalid.");
        return new CompanyFilter(text, municipalityCode, sniPrefix, size, since, status, area, null);
    }
}
