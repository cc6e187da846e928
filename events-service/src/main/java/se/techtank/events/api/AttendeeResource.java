package se.techtank.events.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.events.service.AttendeeErasure;
import se.techtank.platform.security.Roles;
import se.techtank.platform.validation.EmailAddress;

/** GDPR for attendees who are no member company's contact person (those are erased in members-service). */
@Path("/api/v1/attendees")
@Tag(name = "Attendees", description = "The right to erasure of attendees")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AttendeeResource {

    private final AttendeeErasure erasure;

    AttendeeResource(AttendeeErasure erasure) {
        this.erasure = erasure;
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "eraseAttendee",
            summary = "Erase an attendee",
            description = "Anonymises every registration made with the e-mail address (whatever its letter case): "
                    + "name, e-mail, dietary requirements and message are removed, status and company stay for "
                    + "the statistics. Irreversible; again changes nothing. Each publishes "
                    + "`registration.anonymised`. Staff only.")
    @APIResponse(
            responseCode = "200",
            description = "How many registrations were anonymised now",
            content = @Content(schema = @Schema(implementation = MeetingCommands.Erased.class)))
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "422", description = "Not an e-mail address")
    public MeetingCommands.Erased erase(@Valid @NotNull MeetingCommands.Erase request) {
        return new MeetingCommands.Erased(erasure.erase(EmailAddress.of(request.email())));
    }
}
