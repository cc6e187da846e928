package se.techtank.events.api;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.events.domain.CancellationLinks;
import se.techtank.events.domain.Registration;
import se.techtank.events.service.RegistrationService;
import se.techtank.platform.security.Roles;

/** One registration: read and cancelled by its attendee (with the secret token) or the organisers. */
@Path("/api/v1/registrations/{id}")
@Tag(name = "Registrations")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
@APIResponse(responseCode = "404", description = "Unknown registration, or neither the right token nor an organiser")
public class RegistrationResource {

    private final RegistrationService registrations;
    private final CancellationLinks links;

    RegistrationResource(RegistrationService registrations, CancellationLinks links) {
        this.registrations = registrations;
        this.links = links;
    }

    @GET
    @PermitAll
    // Anonymous callers are served, and a token changes the answer (see the description): optional bearer.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(
            operationId = "getRegistration",
            summary = "Read a registration",
            description = "The attendee with the token from the cancellation link, or the meeting's organisers.")
    @APIResponse(
            responseCode = "200",
            description = "The registration",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    public RegistrationResponse get(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "The secret token of the cancellation link") @QueryParam("token") String token) {
        return response(registrations.get(id, token).registration());
    }

    @POST
    @Path("/cancel")
    @PermitAll
    // Anonymous callers are served, and a token changes the answer (see the description): optional bearer.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(
            operationId = "cancelRegistration",
            summary = "Cancel a registration",
            description = "The attendee with the token from the cancellation link, or the meeting's organisers. A "
                    + "seat it held goes at once to the first on the waitlist (`registration.promoted`); leaving "
                    + "the waitlist moves everyone behind up. Cancelling again changes nothing. Publishes "
                    + "`registration.cancelled`.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "409", description = "Attended, no-show or declined")
    public RegistrationResponse cancel(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "The secret token of the cancellation link") @QueryParam("token") String token) {
        return response(registrations.cancel(id, token).registration());
    }

    @POST
    @Path("/approve")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "approveRegistration",
            summary = "Approve a registration",
            description = "PENDING_APPROVAL → CONFIRMED if a seat is left, else WAITLISTED. Staff only. Publishes "
                    + "`registration.confirmed` or `registration.waitlisted`.")
    @APIResponse(
            responseCode = "200",
            description = "Approved",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "409", description = "Not pending approval")
    public RegistrationResponse approve(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return response(registrations.approve(id).registration());
    }

    @POST
    @Path("/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "declineRegistration",
            summary = "Decline a registration",
            description = "PENDING_APPROVAL → DECLINED with a reason. Staff only. Publishes `registration.declined`.")
    @APIResponse(
            responseCode = "200",
            description = "Declined",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "409", description = "Not pending approval")
    @APIResponse(responseCode = "422", description = "No reason")
    public RegistrationResponse decline(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull MeetingCommands.Reason request) {
        return response(registrations.decline(id, request.reason().strip()).registration());
    }

    private RegistrationResponse response(Registration registration) {
        return RegistrationResponse.of(registration, links.of(registration));
    }
}
