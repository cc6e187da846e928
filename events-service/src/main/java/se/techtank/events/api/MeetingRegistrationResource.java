package se.techtank.events.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.events.config.EventsConfig;
import se.techtank.events.domain.CancellationLinks;
import se.techtank.events.domain.Registration;
import se.techtank.events.domain.RegistrationStatus;
import se.techtank.events.query.AttendanceReport;
import se.techtank.events.service.AttendanceService;
import se.techtank.events.service.RegistrationService;
import se.techtank.platform.idempotency.IdempotencyKeyHeader;
import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.openapi.ProblemExamples;
import se.techtank.platform.paging.PageParameters;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.query.QueryParameters;
import se.techtank.platform.ratelimit.RateLimiter;
import se.techtank.platform.security.Caller;
import se.techtank.platform.security.Roles;

/** Registering for a meeting, and what its organisers do with the registrations. */
@Path("/api/v1/meetings/{id}")
@Tag(name = "Registrations", description = "Registration, waitlist, approval, check-in and attendance")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
@APIResponse(responseCode = "404", description = "Unknown meeting, or one the caller may not see")
public class MeetingRegistrationResource {

    private final RegistrationService registrations;
    private final AttendanceService attendance;
    private final CancellationLinks links;
    private final IdempotentRequests idempotent;
    private final RateLimiter rateLimiter;
    private final Caller caller;
    private final EventsConfig.Registration config;

    MeetingRegistrationResource(
            RegistrationService registrations,
            AttendanceService attendance,
            CancellationLinks links,
            IdempotentRequests idempotent,
            RateLimiter rateLimiter,
            Caller caller,
            EventsConfig config) {
        this.registrations = registrations;
        this.attendance = attendance;
        this.links = links;
        this.idempotent = idempotent;
        this.rateLimiter = rateLimiter;
        this.caller = caller;
        this.config = config.registration();
    }

    @POST
    @Path("/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    // Anonymous callers are served, and a token changes the answer (see the description): optional bearer.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(
            operationId = "registerForMeeting",
            summary = "Register for a meeting",
            description = "Anyone for a PUBLIC meeting; for MEMBERS_ONLY a member token, or the organisation number "
                    + "of an active member company. The answer is CONFIRMED while seats remain, then WAITLISTED "
                    + "with a position, or PENDING_APPROVAL when the meeting requires approval. It carries the "
                    + "secret cancellation link and the check-in code. Seats are counted by the database: never "
                    + "more confirmed than the capacity, whatever the load.")
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names the registration",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown field")
    @APIResponse(
            responseCode = "409",
            description = "Already registered (`duplicate-registration`), company limit reached "
                    + "(`company-limit-reached`), registration closed or not yet open (`registration-closed`, "
                    + "`registration-not-open`, with the time), meeting cancelled or completed")
    @APIResponse(
            responseCode = "422",
            description = "A bad field (e.g. `attendee.email`), or a members-only meeting without an active "
                    + "member company (`members-only`)")
    @APIResponse(
            responseCode = "429",
            description = "Too many anonymous registrations for this meeting from this address (type "
                    + "`…/rate-limited`); see `Retry-After`",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "rate-limited", value = ProblemExamples.RATE_LIMITED)))
    public Response register(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Valid @NotNull RegistrationRequest request,
            @Context HttpServerRequest http) {
        // Anonymous registrations are limited per address and meeting, so that a script cannot fill a
        // meeting; signed-in callers answer for what they do. A replay of a kept answer does no work and is free.
        Runnable limit = caller.isAnonymous()
                ? () -> rateLimiter.acquire(
                        "meeting-registration:" + id + ":" + RateLimiter.clientAddress(http),
                        config.rateLimit(),
                        config.rateWindow())
                : null;
        return idempotent.once(idempotencyKey, "POST /api/v1/meetings/" + id + "/registrations", request, limit, () -> {
            RegistrationService.Registered registered = registrations.register(id, request.toNewRegistration());
            Registration registration = registered.registration();
            return Response.created(URI.create("/api/v1/registrations/" + registration.id()))
                    .entity(RegistrationResponse.of(registration, links.of(registration)))
                    .build();
        });
    }

    @GET
    @Path("/registrations")
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "listMeetingRegistrations",
            summary = "List a meeting's registrations",
            description = "Staff, or the municipality co-arranging the meeting.")
    @APIResponse(
            responseCode = "200",
            description = "One page of registrations",
            content = @Content(schema = @Schema(implementation = RegistrationPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter or paging parameter")
    public RegistrationPage list(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "Status (repeatable); all if absent", example = "WAITLISTED") @QueryParam("status")
                    List<String> status,
            @BeanParam PageParameters paging,
            @Parameter(
                            description = "`registeredAt` or `name`, with `,asc` or `,desc`",
                            example = "registeredAt,asc",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
                    @QueryParam("sort")
                    List<String> sort) {
        Set<RegistrationStatus> statuses = statuses(status);
        PageRequest request =
                PageRequest.parse(paging.page(), paging.size(), sort, RegistrationService.SORTABLE, "registeredAt,asc");
        var result = registrations.list(id, statuses, request).map(r -> RegistrationResponse.of(r, links.of(r)));
        return new RegistrationPage(
                result.items(), result.page(), result.size(), result.totalItems(), result.totalPages());
    }

    @GET
    @Path("/registrations.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "exportMeetingRegistrations",
            summary = "Export the participant list",
            description = "Every registration (or those with `status`) as CSV for Excel: UTF-8 with BOM, `;` "
                    + "separated, one header row. Staff, or the municipality co-arranging the meeting.")
    @APIResponse(
            responseCode = "200",
            description = "The participants",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = SchemaType.STRING),
                            example = "Namn;E-post;Språk;Organisationsnummer;Företag;Status;Köplats;Incheckad;"
                                    + "Specialkost;Meddelande;Med på deltagarlistan;Anmäld\n"
                                    + "Anna Berg;anna.berg@pressverktyg.example.se;sv;556036-0793;Pressverktyg AB;"
                                    + "CONFIRMED;;;Vegetarisk;;ja;2026-09-02T10:15:00+02:00\n"))
    public Response export(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "Status (repeatable); all if absent", example = "CONFIRMED") @QueryParam("status")
                    List<String> status) {
        List<Registration> all = registrations.all(id, statuses(status));
        byte[] csv = ParticipantCsv.write(all).getBytes(StandardCharsets.UTF_8);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"participants-" + id + ".csv\"")
                .build();
    }

    @GET
    @Path("/attendance")
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "getMeetingAttendance",
            summary = "Attendance report",
            description = "Registered (held a seat), attended and no-show, in total, by company and by the "
                    + "municipality of the attendees' companies. Staff, or the co-arranging municipality.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(schema = @Schema(implementation = AttendanceReport.class)))
    public AttendanceReport attendance(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return attendance.report(id);
    }

    @POST
    @Path("/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MUNICIPALITY})
    @Operation(
            operationId = "checkInAttendee",
            summary = "Check an attendee in",
            description = "By check-in code or registration id. Checking in twice is harmless (the first time "
                    + "stays). Publishes `registration.attended`. Staff, or the co-arranging municipality.")
    @APIResponse(
            responseCode = "200",
            description = "Attended",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not confirmed (waitlisted, cancelled, …), or the meeting is not published")
    @APIResponse(responseCode = "422", description = "Neither code nor id")
    public RegistrationResponse checkIn(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull MeetingCommands.CheckIn request) {
        boolean hasCode = request.code() != null && !request.code().isBlank();
        if (hasCode == (request.registrationId() != null)) {
            throw new RuleViolationException("code", "give either the check-in code or the registration id");
        }
        Registration registration = registrations
                .checkIn(id, hasCode ? request.code() : null, request.registrationId())
                .registration();
        return RegistrationResponse.of(registration, links.of(registration));
    }

    static Set<RegistrationStatus> statuses(List<String> values) {
        QueryParameters parameters = new QueryParameters();
        Set<RegistrationStatus> statuses = parameters.allOf("status", values, RegistrationStatus.class);
        if (!parameters.errors().isEmpty()) {
            // One error however many values are bad, as these operations have always answered.
            throw new InvalidRequestException(
                    "The list parameters are invalid.", parameters.errors().subList(0, 1));
        }
        return statuses.isEmpty() ? EnumSet.allOf(RegistrationStatus.class) : statuses;
    }
}
