package se.techtank.programmes.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import se.techtank.kernel.FocusArea;
import se.techtank.kernel.MunicipalityCode;
import se.techtank.platform.query.QueryParameters;
import se.techtank.programmes.domain.Funder;
import se.techtank.programmes.domain.ProgrammeStatus;
import se.techtank.programmes.query.ProgrammeFilter;

/** The filters of {@code GET /api/v1/programmes}, taken as {@code @BeanParam}; a malformed one is a 400 naming it. */
public class ProgrammeListParameters {

    @QueryParam("focusArea")
    @Parameter(description = "Programmes serving this focus area", example = "AUTOMATION")
    String focusArea;

    @QueryParam("county")
    @Parameter(description = "Programmes with an intake serving this county (länskod)", example = "10")
    String county;

    @QueryParam("funder")
    @Parameter(description = "Programmes financed by", example = "VINNOVA")
    String funder;

    @QueryParam("openIntake")
    @Parameter(description = "`true`: only programmes with an intake open for applications", example = "true")
    String openIntake;

    @QueryParam("q")
    @Parameter(description = "Part of the code or name", example = "robot")
    String q;

    @QueryParam("modifiedSince")
    @Parameter(description = "Changed at or after (ISO 8601 with offset)", example = "2026-11-01T00:00:00+01:00")
    String modifiedSince;

    @QueryParam("status")
    @Parameter(description = "Status (repeatable, staff only); PUBLISHED if absent", example = "PUBLISHED")
    List<String> status;

    ProgrammeFilter filter() {
        QueryParameters parameters = new QueryParameters();
        FocusArea area = parameters.oneOf("focusArea", focusArea, FocusArea.class);
        String countyCode = QueryParameters.text(county);
        if (countyCode != null && !MunicipalityCode.isValidCounty(countyCode)) {
            parameters.reject("county", "must be a Swedish county code, e.g. 10");
        }
        Funder funderValue = parameters.oneOf("funder", funder, Funder.class);
        Boolean open = null;
        String openText = QueryParameters.text(openIntake);
        if (openText != null) {
            if (openText.equals("true") || openText.equals("false")) {
                open = Boolean.valueOf(openText);
            } else {
                parameters.reject("openIntake", "must be true or false");
            }
        }
        String text = parameters.text("q", q, 200);
        var since = parameters.time("modifiedSince", modifiedSince);
        Set<ProgrammeStatus> statuses = parameters.allOf("status", status, ProgrammeStatus.class);
        parameters.throwIfInvalid("The list parameters are invalid.");
        return new ProgrammeFilter(
                area,
                countyCode,
                funderValue,
                open,
                text,
                since == null ? null : since.toInstant(),
                statuses.isEmpty() ? EnumSet.of(ProgrammeStatus.PUBLISHED) : statuses);
    }
}
