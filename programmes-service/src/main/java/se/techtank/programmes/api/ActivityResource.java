package se.techtank.programmes.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import se.techtank.platform.security.Roles;
import se.techtank.programmes.domain.Activity;
import se.techtank.programmes.domain.ActivityKind;
import se.techtank.programmes.service.ActivityService;

/** Participation: what enrolled companies did in their intake, and the meetings linked to an intake. */
@Path("/api/v1/applications/{id}/activities")
@Tag(name = "Participation", description = "Activities of enrolled companies; meetings linked to intakes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
@APIResponse(responseCode = "403", description = "Not staff")
public class ActivityResource {

    private final ActivityService activities;

    ActivityResource(ActivityService activities) {
        this.activities = activities;
    }

    @Schema(
            name = "ActivityRequest",
            examples =
                    "{\"date\": \"2026-11-20\", \"kind\": \"COACHING\", \"hours\": 2.5, \"note\": \"Genomgång av layout\"}")
    record ActivityRequest(
            @Schema(required = true) @NotNull LocalDate date,
            @Schema(required = true) @NotNull ActivityKind kind,

            @Schema(description = "In quarter hours, more than 0 and at most 24", examples = "2.5", required = true)
            @NotNull
            BigDecimal hours,

            @Schema(description = "What was done") @Size(max = 2000)
            String note) {}

    @Schema(name = "Activity")
    record ActivityResponse(
            UUID id,
            UUID applicationId,
            LocalDate date,
            ActivityKind kind,
            BigDecimal hours,
            String note,
            UUID registrationId,
            String createdBy,
            OffsetDateTime createdAt) {

        static ActivityResponse of(Activity activity) {
            return new ActivityResponse(
                    activity.id(),
                    activity.applicationId(),
                    activity.occurredOn(),
                    activity.kind(),
                    activity.hours(),
                    activity.note().orElse(null),
                    activity.registrationId().orElse(null),
                    activity.createdBy().orElse(null),
                    Texts.stockholm(activity.createdAt()));
        }
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "listApplicationActivities",
            summary = "An application's activities",
            description = "Oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "The activities",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown application")
    public List<ActivityResponse> activities(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return activities.of(id).stream().map(ActivityResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "logApplicationActivity",
            summary = "Log an activity",
            description = "Date, kind, hours in quarter hours, note.")
    @APIResponse(
            responseCode = "201",
            description = "Logged",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown application")
    @APIResponse(responseCode = "422", description = "A bad field, e.g. `hours` not in quarter hours")
    public Response log(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull ActivityRequest request) {
        Activity activity = activities.log(id, request.date(), request.kind(), request.hours(), request.note());
        return Response.created(URI.create("/api/v1/applications/" + id + "/activities"))
                .entity(ActivityResponse.of(activity))
                .build();
    }
}
