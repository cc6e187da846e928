package se.techtank.programmes.api;

import java.net.URI;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.platform.idempotency.IdempotencyKeyHeader;
import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.openapi.ProblemExamples;
import se.techtank.platform.ratelimit.RateLimiter;
import se.techtank.platform.security.Caller;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;
import se.techtank.programmes.config.ProgrammesConfig;
import se.techtank.programmes.domain.Application;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.service.ActivityService;
import se.techtank.programmes.service.ApplicationService;
import se.techtank.programmes.service.ProgrammeService;

/** Intakes (omgångar) of programmes, and applications to them. */
@Path("/api/v1/intakes")
@Tag(name = "Intakes", description = "Intakes of programmes and applications to them")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
public class IntakeResource {

    private final ProgrammeService programmes;
    private final ApplicationService applications;
    private final ActivityService activities;
    private final IdempotentRequests idempotent;
    private final RateLimiter rateLimiter;
    private final ProgrammesConfig.PartnerRequests partnerRequests;
    private final Caller caller;

    IntakeResource(
            ProgrammeService programmes,
            ApplicationService applications,
            ActivityService activities,
            IdempotentRequests idempotent,
            RateLimiter rateLimiter,
            ProgrammesConfig config,
            Caller caller) {
        this.programmes = programmes;
        this.applications = applications;
        this.activities = activities;
        this.idempotent = idempotent;
        this.rateLimiter = rateLimiter;
        this.partnerRequests = config.partnerRequests();
        this.caller = caller;
    }

    /**
     * A partner IUC's applications and checks count against its limit (a replay does not); members and staff
     * are not limited here.
     */
    private Runnable partnerLimit() {
        return caller.isPartner()
                ? () -> rateLimiter.acquire(
                        "partner-requests:" + caller.partnerId().orElse("?"),
                        partnerRequests.limit(),
                        partnerRequests.window())
                : null;
    }

    @GET
    @Path("/{id}")
    @PermitAll
    // Anonymous callers are served, and a token changes the answer (see the description): optional bearer.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(
            operationId = "getIntake",
            summary = "Read an intake",
            description = "Anyone, when its programme is published; else staff.")
    @APIResponse(
            responseCode = "200",
            description = "The intake; ETag carries its version",
            content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown intake, or one of a draft programme")
    public Response get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(programmes.intake(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "updateIntake",
            summary = "Change an intake",
            description = "Replaces its details; `If-Match` must carry the current ETag. Seats never below those"
                    + " already taken (422).")
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag",
            content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown intake")
    @APIResponse(responseCode = "409", description = "Completed (`illegal-intake-transition`)")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "A field breaks a rule")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response change(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "The intake's ETag as read", example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull IntakeRequest request) {
        long expected = EntityVersions.fromIfMatch(ifMatch);
        return withVersion(programmes.changeIntake(id, request.toDetails(), expected));
    }

    @POST
    @Path("/{id}/open")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "openIntake",
            summary = "Open an intake",
            description = "PLANNED or CLOSED → OPEN (applications are taken within the window); publishes"
                    + " `programme.intake-opened`. The window job does this on time by itself.")
    @APIResponse(
            responseCode = "200",
            description = "Open",
            content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown intake")
    @APIResponse(responseCode = "409", description = "Already open, or completed, or the programme not published")
    public Response open(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(programmes.openIntake(id));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "closeIntake",
            summary = "Close an intake",
            description = "OPEN → CLOSED: no more applications; publishes `programme.intake-closed`.")
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown intake")
    @APIResponse(responseCode = "409", description = "Not open")
    public Response close(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(programmes.closeIntake(id));
    }

    @POST
    @Path("/{id}/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.PARTNER})
    @Operation(
            operationId = "applyToIntake",
            summary = "Apply to an intake",
            description = "A member for its own company, a partner IUC for a company in its counties, staff for"
                    + " any. The member register's facts are judged when it knows the company, else the facts"
                    + " given (marked DECLARED). A failed rule refuses the application (422 `not-eligible`, one"
                    + " error per rule) unless staff give `eligibilityOverride.reason`; an unknown fact is accepted"
                    + " and flagged. Publishes `application.submitted`. Send an `Idempotency-Key` to retry safely.")
    @APIResponse(
            responseCode = "201",
            description = "Submitted; Location names the application",
            content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "403", description = "A member applying for another company")
    @APIResponse(responseCode = "404", description = "Unknown intake, or one of a programme not published")
    @APIResponse(
            responseCode = "409",
            description = "Not open for applications (`intake-not-open`, with the window), the company already"
                    + " applied (`duplicate-application`), or the key is in use by a request still running")
    @APIResponse(
            responseCode = "422",
            description = "A bad field, `not-eligible` (one error per failed rule), `outside-partner-region`, or"
                    + " the Idempotency-Key reused with another body")
    @APIResponse(
            responseCode = "429",
            description = "A partner sent more applications and checks than its limit (`rate-limited`); see"
                    + " `Retry-After`",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "rate-limited", value = ProblemExamples.RATE_LIMITED)))
    public Response apply(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Valid @NotNull ApplicationRequest request) {
        return idempotent.once(
                idempotencyKey, "POST /api/v1/intakes/" + id + "/applications", request, partnerLimit(), () -> {
                    Application application = applications.submit(id, request.toNewApplication());
                    return Response.created(URI.create("/api/v1/applications/" + application.id()))
                            .tag(EntityVersions.etag(application.version()))
                            .entity(ApplicationResponse.of(application))
                            .build();
                });
    }

    @POST
    @Path("/{id}/eligibility-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.PARTNER})
    @Operation(
            operationId = "checkIntakeEligibility",
            summary = "Check eligibility",
            description = "Judges an application as `POST …/applications` would, without saving anything; the"
                    + " same rules on who may apply for which company.")
    @APIResponse(
            responseCode = "200",
            description = "The result per rule",
            content = @Content(schema = @Schema(implementation = EligibilityCheckResponse.class)))
    @APIResponse(responseCode = "403", description = "A member checking another company")
    @APIResponse(responseCode = "404", description = "Unknown intake")
    @APIResponse(responseCode = "422", description = "A bad field, or `outside-partner-region`")
    @APIResponse(
            responseCode = "429",
            description = "A partner sent more applications and checks than its limit (`rate-limited`); see"
                    + " `Retry-After`",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "rate-limited", value = ProblemExamples.RATE_LIMITED)))
    public EligibilityCheckResponse check(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull ApplicationRequest request) {
        Runnable limit = partnerLimit();
        if (limit != null) {
            limit.run();
        }
        return EligibilityCheckResponse.of(applications.check(id, request.toNewApplication()));
    }

    @Schema(name = "IntakeMeetings", examples = "{\"meetingIds\": [\"8d7c1f9e-2b1a-4c3d-9e8f-7a6b5c4d3e2f\"]}")
    record MeetingsBody(
            @Schema(required = true)
            @jakarta.validation.constraints.NotNull
            @jakarta.validation.constraints.Size(max = 200)
            java.util.List<@jakarta.validation.constraints.NotNull UUID> meetingIds) {}

    @GET
    @Path("/{id}/meetings")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "listIntakeMeetings", summary = "Meetings linked to an intake")
    @APIResponse(
            responseCode = "200",
            description = "The linked meetings' ids",
            content = @Content(schema = @Schema(implementation = MeetingsBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown intake")
    public MeetingsBody meetings(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return new MeetingsBody(activities.meetingsOf(id));
    }

    @PUT
    @Path("/{id}/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "linkIntakeMeetings",
            summary = "Link meetings to an intake",
            description = "Replaces the list. Attendance at a linked meeting (events-service's"
                    + " `registration.attended`) by a company enrolled in the intake logs one MEETING activity of"
                    + " the meeting's length.")
    @APIResponse(
            responseCode = "200",
            description = "The linked meetings' ids",
            content = @Content(schema = @Schema(implementation = MeetingsBody.class)))
    @APIResponse(responseCode = "404", description = "Unknown intake")
    @APIResponse(responseCode = "422", description = "Not a list of meeting ids")
    public MeetingsBody linkMeetings(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid @NotNull MeetingsBody request) {
        return new MeetingsBody(activities.linkMeetings(id, request.meetingIds()));
    }

    private static Response withVersion(Intake intake) {
        return Response.ok(IntakeResponse.of(intake))
                .tag(EntityVersions.etag(intake.version()))
                .build();
    }
}
