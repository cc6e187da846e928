package se.techtank.programmes.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.kernel.MunicipalityCode;
import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.query.QueryParameters;
import se.techtank.platform.security.Roles;
import se.techtank.programmes.query.ProgrammeStatistics;
import se.techtank.programmes.service.StatisticsService;

/** Programme statistics. */
@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "Programme statistics for Techtank and the municipalities")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
public class StatisticsResource {

    private final StatisticsService statistics;

    StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @Schema(name = "ProgrammeFigures")
    record FiguresResponse(
            UUID programmeId,
            String code,
            String name,
            long applications,
            Map<String, Long> applicationsByStatus,
            long companies,
            BigDecimal hours) {

        static FiguresResponse of(ProgrammeStatistics.ProgrammeFigures f) {
            return new FiguresResponse(
                    f.programmeId(),
                    f.code(),
                    f.name(),
                    f.applications(),
                    f.applicationsByStatus(),
                    f.companies(),
                    f.hours());
        }
    }

    @GET
    @Path("/programmes")
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "getProgrammeStatistics",
            summary = "Programme statistics",
            description = "Per programme: applications (in all and by status), companies and hours logged. Staff for"
                    + " all of Techtank or one municipality; a municipality for its own only (403 otherwise).")
    @APIResponse(
            responseCode = "200",
            description = "Per programme",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FiguresResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a municipality code")
    @APIResponse(responseCode = "403", description = "Another municipality's statistics")
    public List<FiguresResponse> statistics(
            @Parameter(description = "Only companies of this municipality", example = "1082")
                    @QueryParam("municipality")
                    String municipality) {
        String code = QueryParameters.text(municipality);
        if (code != null && !MunicipalityCode.isValid(code)) {
            throw new InvalidRequestException("municipality", "must be a Swedish municipality code, e.g. 1082");
        }
        return statistics.programmes(code).stream().map(FiguresResponse::of).toList();
    }
}
