package se.techtank.members.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.members.config.MembersConfig;
import se.techtank.members.domain.MembershipApplication;
import se.techtank.members.service.MembershipService;
import se.techtank.platform.idempotency.IdempotencyKeyHeader;
import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.openapi.ProblemExamples;
import se.techtank.platform.ratelimit.RateLimiter;

@Path("/api/v1/membership-applications")
@Tag(name = "Membership", description = "Applying for membership and the membership lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public class MembershipApplicationResource {

    private final MembershipService memberships;
    private final RateLimiter rateLimiter;
    private final int limit;
    private final Duration window;

    private final IdempotentRequests idempotent;

    MembershipApplicationResource(
            MembershipService memberships,
            RateLimiter rateLimiter,
            IdempotentRequests idempotent,
            MembersConfig.MembershipApplications config) {
        this.memberships = memberships;
        this.rateLimiter = rateLimiter;
        this.idempotent = idempotent;
        this.limit = config.rateLimit();
        this.window = config.rateWindow();
    }

    /** What the applicant learns: that the application was received, nothing of the company's data. */
    @Schema(name = "MembershipApplicationReceipt")
    public record Receipt(
            UUID applicationId,

            @Schema(enumeration = "APPLIED", description = "The membership's state: applied, awaiting staff's decision")
            String status,

            OffsetDateTime submittedAt) {}

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    // Anonymous by design: an empty requirement list tells clients to send no token.
    @SecurityRequirements
    @Operation(
            operationId = "applyForMembership",
            summary = "Apply for membership (\"bli medlem\")",
            description = "Anonymous. Registers the company if it is new — an existing company's data is never "
                    + "changed through this form — and puts its membership in APPLIED for staff to approve. "
                    + "Limited per client address (default 5 per 10 minutes); a retry with the same "
                    + "`Idempotency-Key` and the same body that gets the first answer again does not count.")
    @APIResponse(
            responseCode = "202",
            description = "Received; staff will approve or reject it",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown field")
    @APIResponse(
            responseCode = "409",
            description = "The company is already a member or has applied (type `…/illegal-membership-transition`)")
    @APIResponse(responseCode = "422", description = "Invalid fields")
    @APIResponse(
            responseCode = "429",
            description = "Too many applications from this address (type `…/rate-limited`); see `Retry-After`",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "rate-limited", value = ProblemExamples.RATE_LIMITED)))
    public Response apply(
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Valid @NotNull MembershipApplicationRequest request,
            @Context HttpServerRequest http) {
        // A replay (same key, same body, answer kept) does no work, so it does not count against the limit.
        return idempotent.once(
                idempotencyKey,
                "POST /api/v1/membership-applications",
                request,
                () -> rateLimiter.acquire("membership-application:" + RateLimiter.clientAddress(http), limit, window),
                () -> {
                    MembershipApplication application = memberships.apply(request.toCommand());
                    return Response.accepted(new Receipt(application.id(), "APPLIED", application.submittedAt()))
                            .build();
                });
    }
}
