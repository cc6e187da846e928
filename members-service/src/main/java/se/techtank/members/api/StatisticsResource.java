package se.techtank.members.api;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.kernel.MunicipalityCode;
import se.techtank.members.query.MemberStatistics;
import se.techtank.members.service.StatisticsService;
import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.security.Roles;

@Path("/api/v1/statistics/members")
@Tag(name = "Statistics", description = "Figures for the owners: the region and the municipalities")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final StatisticsService statistics;

    StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @Schema(name = "MemberStatistics", description = "Numbers of companies; no personal data", examples = """
                    {"companies": 2,
                     "byMunicipalityAndStatus": {"1082": {"ACTIVE": 1, "APPLIED": 1}},
                     "bySizeClass": {"SMALL": 1, "MEDIUM": 1},
                     "bySniSection": {"C": 2},
                     "needsByFocusArea": {"AUTOMATION": {"5": 1}}}
                    """)
    public record Response(
            @Schema(description = "Companies counted") long companies,

            @Schema(description = "Municipality code → membership status (NONE: never applied) → companies")
            Map<String, Map<String, Long>> byMunicipalityAndStatus,

            @Schema(description = "EU size class (UNKNOWN: employees not recorded) → companies")
            Map<String, Long> bySizeClass,

            @Schema(description = "SNI section of the primary code (C is manufacturing; UNKNOWN: no code) → companies")
            Map<String, Long> bySniSection,

            @Schema(description = "Focus area → current priority 1-5 → companies with that need")
            Map<String, Map<Integer, Long>> needsByFocusArea) {

        static Response of(MemberStatistics s) {
            return new Response(
                    s.companies(),
                    s.byMunicipalityAndStatus(),
                    s.bySizeClass(),
                    s.bySniSection(),
                    s.needsByFocusArea());
        }
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "getMemberStatistics",
            summary = "Member statistics",
            description = "Companies by municipality and membership status, by size class, by SNI section, and "
                    + "the current needs per focus area. Staff see all or one municipality; a municipality user "
                    + "sees only its own municipality's figures.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = @Content(schema = @Schema(implementation = Response.class)))
    @APIResponse(responseCode = "400", description = "Malformed municipality code")
    public Response members(
            @Parameter(description = "SCB municipality code", example = "1082") @QueryParam("municipality")
                    String municipality) {
        String code = municipality == null || municipality.isBlank() ? null : municipality.strip();
        if (code != null && !MunicipalityCode.isValid(code)) {
            throw new InvalidRequestException("municipality", "must be a Swedish municipality code, e.g. 1082");
        }
        return Response.of(statistics.members(code));
    }
}
