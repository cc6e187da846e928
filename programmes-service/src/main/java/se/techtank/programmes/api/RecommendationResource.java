package se.techtank.programmes.api;

import java.time.OffsetDateTime;
import java.util.List;
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

import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.query.QueryParameters;
import se.techtank.platform.security.Caller;
import se.techtank.platform.security.Roles;
import se.techtank.programmes.domain.CompanyNeed;
import se.techtank.programmes.domain.RuleResult;
import se.techtank.programmes.service.Recommendations;

/** Matching companies to open intakes by their needs. */
@Path("/api/v1/recommendations")
@Tag(name = "Recommendations", description = "Open intakes that meet a company's needs")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
public class RecommendationResource {

    private final Recommendations recommendations;
    private final Caller caller;

    RecommendationResource(Recommendations recommendations, Caller caller) {
        this.recommendations = recommendations;
        this.caller = caller;
    }

    @Schema(name = "Recommendation")
    record RecommendationResponse(
            UUID programmeId,
            String programmeCode,
            Texts.Text programmeName,
            UUID intakeId,
            String intakeName,
            OffsetDateTime applicationCloses,
            int seatsLeft,

            @Schema(description = "The sum of the matching needs' priorities")
            int score,

            @Schema(description = "The company's needs (priority ≥ 3) the programme serves: why it is recommended")
            List<CompanyNeed> matchingNeeds,

            boolean eligible,
            List<RuleResult> eligibility) {

        static RecommendationResponse of(Recommendations.Recommendation r) {
            return new RecommendationResponse(
                    r.programme().id(),
                    r.programme().code(),
                    Texts.Text.of(r.programme().name()),
                    r.intake().id(),
                    r.intake().name(),
                    Texts.stockholm(r.intake().applicationClosesAt()),
                    Math.max(0, r.intake().seats() - r.intake().seatsTaken()),
                    r.score(),
                    r.matchingNeeds(),
                    r.eligible(),
                    r.eligibility());
        }
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.PARTNER})
    @Operation(
            operationId = "listRecommendations",
            summary = "Open intakes for a company",
            description = "Ranked by how well each programme's focus areas meet the company's current needs"
                    + " (priority ≥ 3): the sum of the matching priorities, eligible first, closing soonest. A member"
                    + " gets its own company's (companyId may be left out), a partner those of companies in its"
                    + " counties, staff any.")
    @APIResponse(
            responseCode = "200",
            description = "Best first; empty when the company has no needs of priority 3 or more",
            content =
                    @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RecommendationResponse.class)))
    @APIResponse(responseCode = "400", description = "companyId missing or not a UUID")
    @APIResponse(responseCode = "404", description = "Unknown company, or not the caller's")
    public List<RecommendationResponse> recommendations(
            @Parameter(description = "The company (members-service's id)") @QueryParam("companyId") String companyId) {
        UUID id = companyId(companyId);
        return recommendations.forCompany(id).stream()
                .map(RecommendationResponse::of)
                .toList();
    }

    private UUID companyId(String value) {
        String text = QueryParameters.text(value);
        if (text == null) {
            return caller.companyId().orElseThrow(() -> new InvalidRequestException("companyId", "is required"));
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("companyId", "must be a UUID");
        }
    }
}
