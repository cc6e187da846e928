package se.techtank.notifications.api;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.notifications.service.Preferences;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;

/**
 * A contact person's optional notifications, on or off (the contact itself is members-service's, under
 * {@code /api/v1/contacts}).
 */
@Path("/api/v1/notification-preferences")
@Tag(name = "Notification preferences", description = "Optional mails a contact person receives or not")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
@APIResponse(responseCode = "403", description = "Neither staff nor a member (municipality, partner)")
public class PreferencesResource {

    private final Preferences preferences;

    PreferencesResource(Preferences preferences) {
        this.preferences = preferences;
    }

    @Schema(name = "NotificationPreferences", description = "The optional kinds, each on (true) or off (false)")
    public record PreferencesBody(
            @Schema(
                    description = "Optional kind → on or off: MEETING_REMINDER, MEETING_ANNOUNCEMENT,"
                            + " INTAKE_ANNOUNCEMENT. Transactional kinds are always on and not listed.",
                    example = "{\"MEETING_REMINDER\": true, \"MEETING_ANNOUNCEMENT\": false}")
            Map<String, Boolean> kinds) {}

    @Schema(name = "NotificationPreferencesResponse", description = "A contact person's optional kinds")
    public record PreferencesResponse(UUID contactId, Map<String, Boolean> kinds) {}

    @GET
    @Path("/{contactId}")
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "getNotificationPreferences",
            summary = "Read a contact's preferences",
            description = "Staff: anyone's; a member: its company's contacts.")
    @APIResponse(
            responseCode = "200",
            description = "The preferences; ETag carries their version",
            content = @Content(schema = @Schema(implementation = PreferencesResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown contact, or another company's")
    public Response get(@PathParam("contactId") @Schema(type = SchemaType.STRING, format = "uuid") UUID contactId) {
        return response(preferences.get(contactId));
    }

    @PUT
    @Path("/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "updateNotificationPreferences",
            summary = "Change a contact's preferences",
            description = "Turns the optional kinds given on or off; the others stay. `If-Match` must carry the"
                    + " current ETag.")
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag",
            content = @Content(schema = @Schema(implementation = PreferencesResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown contact, or another company's")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(
            responseCode = "422",
            description = "A transactional or unknown kind (`errors` names it)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(
                                            name = "transactional",
                                            value = "{\"type\":\"https://api.techtank.se/problems/validation-failed\","
                                                    + "\"title\":\"Validation failed\",\"status\":422,\"errors\":[{\"field\":"
                                                    + "\"kinds.REGISTRATION_CONFIRMED\",\"message\":\"is transactional: always"
                                                    + " sent, cannot be turned off\"}]}")))
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response change(
            @PathParam("contactId") @Schema(type = SchemaType.STRING, format = "uuid") UUID contactId,
            @Parameter(description = "The preferences' ETag as read", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @NotNull PreferencesBody body) {
        long expected = EntityVersions.fromIfMatch(ifMatch);
        return response(preferences.change(contactId, body.kinds(), expected));
    }

    private static Response response(Preferences.Choices choices) {
        Map<String, Boolean> kinds = new java.util.LinkedHashMap<>();
        choices.kinds().forEach((kind, enabled) -> kinds.put(kind.name(), enabled));
        return Response.ok(new PreferencesResponse(choices.contactId(), kinds))
                .tag(EntityVersions.etag(choices.version()))
                .build();
    }
}
