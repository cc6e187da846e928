package se.techtank.events.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.events.domain.Meeting;
import se.techtank.events.query.MeetingFilter;
import se.techtank.events.query.MeetingQueries;
import se.techtank.events.service.MeetingService;
import se.techtank.platform.http.ConditionalGet;
import se.techtank.platform.http.Revalidatable;
import se.techtank.platform.idempotency.IdempotencyKeyHeader;
import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageParameters;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;

/**
 * Meetings: planned by staff or by a municipality's business office (in its own municipality), read by
 * anyone once published. Lifecycle {@code DRAFT → PUBLISHED → COMPLETED}, or {@code → CANCELLED}.
 */
@Path("/api/v1/meetings")
@Tag(
        name = "Meetings",
        description = "Branschträffar (the autumn industry meetings in each municipality), conferences, workshops, "
                + "webinars and networking events")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
public class MeetingResource {

    private final MeetingService meetings;
    private final IdempotentRequests idempotent;

    private final HttpHeaders headers;
    private final ObjectMapper json;

    MeetingResource(MeetingService meetings, IdempotentRequests idempotent, HttpHeaders headers, ObjectMapper json) {
        this.json = json;
        this.meetings = meetings;
        this.idempotent = idempotent;
        this.headers = headers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "createMeeting",
            summary = "Plan a meeting",
            description = "Creates the meeting as DRAFT, visible only to its organisers until published. A "
                    + "municipality plans meetings in its own municipality only (403 otherwise).")
    @APIResponse(
            responseCode = "201",
            description = "Planned; Location names it",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, unknown field or bad value")
    @APIResponse(responseCode = "403", description = "Not staff, or another municipality's meeting")
    @APIResponse(
            responseCode = "422",
            description = "A field breaks a rule (end before start, closing after start, no place, …)")
    public Response plan(@BeanParam IdempotencyKeyHeader idempotencyKey, @Valid @NotNull MeetingRequest request) {
        return idempotent.once(idempotencyKey, "POST /api/v1/meetings", request, () -> {
            Meeting meeting = meetings.plan(request.toDetails());
            return Response.created(URI.create("/api/v1/meetings/" + meeting.id()))
                    .tag(EntityVersions.etag(meeting.version()))
                    .entity(MeetingResponse.of(meeting))
                    .build();
        });
    }

    @GET
    @Revalidatable
    @PermitAll
    // Anonymous callers are served, and a token changes the answer (see the description): optional bearer.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(
            operationId = "listMeetings",
            summary = "List meetings",
            description = "Anonymous: the published meetings not yet over, soonest first, with seats left and "
                    + "waitlist length. `from`/`to` choose another window (dates, Stockholm time); `status` other "
                    + "states (drafts only to their organisers).")
    @APIResponse(
            responseCode = "200",
            description = "One page of meetings",
            content = @Content(schema = @Schema(implementation = MeetingPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter or paging parameter")
    public Response list(
            @BeanParam MeetingListParameters filters,
            @BeanParam PageParameters paging,
            @Parameter(
                            description = "`start` or `modifiedAt`, with `,asc` or `,desc`",
                            example = "start,asc",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
                    @QueryParam("sort")
                    List<String> sort) {
        var filter = new AtomicReference<MeetingFilter>();
        var request = new AtomicReference<PageRequest>();
        InvalidRequestException.collect(
                () -> filter.set(filters.filter()),
                () -> request.set(
                        PageRequest.parse(paging.page(), paging.size(), sort, MeetingQueries.SORTABLE, "start,asc")));
        byte[] body = meetings.list(filter.get(), request.get(), MeetingResource::page);
        // Seats change all the time: a client asks every time, and gets 304 while nothing changed.
        return ConditionalGet.of(headers, body, MediaType.APPLICATION_JSON, Duration.ZERO)
                .build();
    }

    /** A page of meetings as the list shows it, read at {@code readAt} (seats left and the like). */
    private static MeetingPage page(Page<Meeting> page, Instant readAt) {
        var items =
                page.items().stream().map(m -> MeetingResponse.of(m, readAt)).toList();
        return new MeetingPage(items, page.page(), page.size(), page.totalItems(), page.totalPages());
    }

    @GET
    @Path("/{id}")
    @Revalidatable
    @PermitAll
    // Anonymous callers are served, and a token changes the answer (see the description): optional bearer.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(
            operationId = "getMeeting",
            summary = "Read a meeting",
            description = "Anyone, once published; a draft only its organisers.")
    @APIResponse(
            responseCode = "200",
            description = "The meeting. Its ETag (`\"3.<fingerprint>\"`) names its version, for `If-Match`, and "
                    + "changes with anything the answer shows, for `If-None-Match`",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown meeting, or a draft the caller does not organise")
    public Response get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        Meeting meeting = meetings.get(id);
        // Seats left and whether registration is open change without a new version: the tag covers the bytes.
        byte[] body;
        try {
            body = json.writeValueAsBytes(MeetingResponse.of(meeting));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A meeting cannot be written as JSON", e);
        }
        return ConditionalGet.versioned(headers, meeting.version(), body, MediaType.APPLICATION_JSON, Duration.ZERO)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "updateMeeting",
            summary = "Change a meeting",
            description = "Replaces the meeting's details; `If-Match` must carry the current ETag. Changing the "
                    + "time or place of a published meeting reschedules it (event `meeting.rescheduled`, calendar "
                    + "SEQUENCE raised). A raised capacity takes as many from the waitlist as fit; a capacity "
                    + "below the confirmed registrations is refused (409). Completed and cancelled meetings are "
                    + "not changed (409).")
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown meeting, or one the caller does not organise")
    @APIResponse(
            responseCode = "409",
            description = "Completed or cancelled, or capacity below the confirmed registrations")
    @APIResponse(responseCode = "412", description = "If-Match is stale: read the meeting again")
    @APIResponse(responseCode = "422", description = "A field breaks a rule")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response edit(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "The ETag of the meeting as read", example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull MeetingRequest request) {
        long expected = EntityVersions.fromIfMatch(ifMatch);
        return withVersion(meetings.edit(id, request.toDetails(), expected));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "publishMeeting",
            summary = "Publish a meeting",
            description = "DRAFT → PUBLISHED: visible to everyone, open for registration in its window. "
                    + "Publishes `meeting.published`.")
    @APIResponse(
            responseCode = "200",
            description = "Published",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown meeting, or one the caller does not organise")
    @APIResponse(responseCode = "409", description = "Not a draft")
    public Response publish(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(meetings.publish(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "cancelMeeting",
            summary = "Cancel a meeting",
            description = "DRAFT or PUBLISHED → CANCELLED with a reason; every registration still standing is "
                    + "cancelled too (each publishes `registration.cancelled`, so attendees are told). Publishes "
                    + "`meeting.cancelled` if it was published.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown meeting, or one the caller does not organise")
    @APIResponse(responseCode = "409", description = "Already completed or cancelled")
    @APIResponse(responseCode = "422", description = "No reason")
    public Response cancel(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull MeetingCommands.Reason request) {
        return withVersion(meetings.cancel(id, request.reason().strip()));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "completeMeeting",
            summary = "Complete a meeting",
            description = "After it started: PUBLISHED → COMPLETED. Confirmed registrations never checked in "
                    + "become NO_SHOW; those still waitlisted or pending are cancelled. Publishes "
                    + "`meeting.completed`.")
    @APIResponse(
            responseCode = "200",
            description = "Completed",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown meeting, or one the caller does not organise")
    @APIResponse(responseCode = "409", description = "Not published, or not started yet")
    public Response complete(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(meetings.complete(id));
    }

    private static Response withVersion(Meeting meeting) {
        return Response.ok(MeetingResponse.of(meeting))
                .tag(EntityVersions.etag(meeting.version()))
                .build();
    }
}
