package se.techtank.members.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.members.domain.NeedsAssessment;
import se.techtank.members.service.NeedsService;
import se.techtank.platform.idempotency.IdempotencyKeyHeader;
import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.security.Roles;

/** Needs assessments (behovsanalys) of a company and its current needs. */
@Path("/api/v1/companies/{id}")
@Tag(name = "Needs", description = "What each company needs help with, per focus area")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "Unknown company, or not the caller's")
public class NeedsResource {

    private final NeedsService needs;
    private final IdempotentRequests idempotent;

    NeedsResource(NeedsService needs, IdempotentRequests idempotent) {
        this.needs = needs;
        this.idempotent = idempotent;
    }

    @POST
    @Path("/needs-assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "createNeedsAssessment",
            summary = "Record a needs assessment",
            description = "Staff assess any company; a member user assesses its own company (recorded as a "
                    + "self-assessment). The assessed areas' priorities become the current needs, and "
                    + "`se.techtank.members.company.needs-assessed` is published. A retry with the same "
                    + "`Idempotency-Key` gets the first answer and records nothing more.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = NeedsResponses.Assessment.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON, unknown field, unknown focus area or malformed `Idempotency-Key`")
    @APIResponse(
            responseCode = "409",
            description = "The first request with this `Idempotency-Key` is still being processed (type "
                    + "`…/idempotency-key-in-progress`); see `Retry-After`")
    @APIResponse(
            responseCode = "422",
            description = "Invalid fields (priority outside 1-5, an area twice, a future date), or "
                    + "an `Idempotency-Key` used before for another request (type `…/idempotency-key-reused`)")
    public Response assess(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Valid @NotNull NeedsAssessmentRequest request) {
        return idempotent.once(idempotencyKey, "POST /api/v1/companies/" + id + "/needs-assessments", request, () -> {
            NeedsAssessment assessment = needs.assess(id, request.assessedOn(), request.items());
            return Response.created(URI.create("/api/v1/companies/" + id + "/needs-assessments"))
                    .entity(NeedsResponses.Assessment.of(assessment))
                    .build();
        });
    }

    @GET
    @Path("/needs-assessments")
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "listNeedsAssessments",
            summary = "The company's needs assessments",
            description = "Newest first.")
    @APIResponse(
            responseCode = "200",
            description = "The assessments",
            content =
                    @Content(
                            schema =
                                    @Schema(type = SchemaType.ARRAY, implementation = NeedsResponses.Assessment.class)))
    public List<NeedsResponses.Assessment> history(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return needs.history(id).stream().map(NeedsResponses.Assessment::of).toList();
    }

    @GET
    @Path("/needs")
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.MUNICIPALITY})
    @Operation(
            operationId = "getCompanyNeeds",
            summary = "The company's current needs",
            description = "The latest priority per focus area, highest first.")
    @APIResponse(
            responseCode = "200",
            description = "The current needs",
            content = @Content(schema = @Schema(implementation = NeedsResponses.Current.class)))
    public NeedsResponses.Current current(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return NeedsResponses.Current.of(needs.current(id));
    }
}
