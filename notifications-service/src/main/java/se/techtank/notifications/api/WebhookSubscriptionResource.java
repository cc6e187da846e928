package se.techtank.notifications.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.quarkus.security.ForbiddenException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.notifications.domain.WebhookSubscription;
import se.techtank.notifications.service.WebhookSubscriptions;
import se.techtank.platform.idempotency.IdempotencyKeyHeader;
import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.security.Caller;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;

/**
 * Partners' webhook subscriptions (docs/webhooks.md): a partner keeps its own (its id is the token's {@code
 * partner_id} claim), staff keep any partner's. Another partner's subscription is answered 404.
 */
@Path("/api/v1/webhook-subscriptions")
@Tag(name = "Webhook subscriptions", description = "Signed HTTP callbacks to partner IUCs for programme events")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.PARTNER})
@APIResponse(responseCode = "401", description = "No, an invalid or an expired token")
@APIResponse(responseCode = "403", description = "Neither staff nor a partner")
public class WebhookSubscriptionResource {

    private static final String URL_NOT_ALLOWED =
            "A field breaks a rule: `validation-failed` (`errors` names `url` or `eventTypes`, e.g. an unknown"
                    + " event type), or `webhook-url-not-allowed` (not https, or the host resolves to a loopback,"
                    + " private, link-local or unspecified address)";

    private final WebhookSubscriptions subscriptions;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    WebhookSubscriptionResource(WebhookSubscriptions subscriptions, IdempotentRequests idempotent, Caller caller) {
        this.subscriptions = subscriptions;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhookSubscription",
            summary = "Subscribe a URL to events",
            description = "A partner subscribes for itself; staff name the partner in `partnerId`. The answer"
                    + " carries the signing secret, shown this once. Send an `Idempotency-Key` to retry safely.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it, ETag carries its version; `secret` is shown this once",
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The Idempotency-Key's first request is still running (`idempotency-key-in-progress`)")
    @APIResponse(
            responseCode = "422",
            description = URL_NOT_ALLOWED + "; or the Idempotency-Key reused with"
                    + " another body (`idempotency-key-reused`)")
    public Response create(
            @BeanParam IdempotencyKeyHeader idempotencyKey, @NotNull WebhookSubscriptionRequest request) {
        String partnerId = partnerFor(request);
        return idempotent.once(idempotencyKey, "POST /api/v1/webhook-subscriptions", request, () -> {
            WebhookSubscriptions.Created created = subscriptions.create(partnerId, request.url(), request.eventTypes());
            WebhookSubscription subscription = created.subscription();
            return Response.created(URI.create("/api/v1/webhook-subscriptions/" + subscription.id()))
                    .tag(EntityVersions.etag(subscription.version()))
                    .entity(WebhookSubscriptionResponse.of(subscription, created.secret()))
                    .build();
        });
    }

    @GET
    @Operation(
            operationId = "listWebhookSubscriptions",
            summary = "List subscriptions",
            description = "A partner's own; staff see every partner's.")
    @APIResponse(
            responseCode = "200",
            description = "The subscriptions, oldest first, without secrets",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = WebhookSubscriptionResponse.class)))
    public List<WebhookSubscriptionResponse> list() {
        return subscriptions.list(scope()).stream()
                .map(WebhookSubscriptionResponse::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "Read a subscription")
    @APIResponse(
            responseCode = "200",
            description = "The subscription, without its secret; ETag carries its version",
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown subscription, or another partner's (`not-found`)")
    public Response get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(subscriptions.get(scope(), id), Response.ok());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateWebhookSubscription",
            summary = "Change a subscription",
            description = "Its URL, event types and whether it is enabled (true again after a 410 resumes it);"
                    + " `If-Match` must carry the current ETag. The secret stays.")
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag",
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown subscription, or another partner's (`not-found`)")
    @APIResponse(responseCode = "412", description = "If-Match is stale (`stale-version`)")
    @APIResponse(responseCode = "422", description = URL_NOT_ALLOWED)
    @APIResponse(responseCode = "428", description = "If-Match missing (`if-match-required`)")
    public Response change(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "The subscription's ETag as read", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @NotNull WebhookSubscriptionRequest request) {
        long expected = EntityVersions.fromIfMatch(ifMatch);
        WebhookSubscription subscription = subscriptions.change(
                scope(),
                id,
                request.url(),
                request.eventTypes(),
                request.enabled() == null || request.enabled(),
                expected);
        return withVersion(subscription, Response.ok());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteWebhookSubscription",
            summary = "Delete a subscription",
            description = "Deliveries to it not yet sent are not sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown subscription, or another partner's (`not-found`)")
    public Response delete(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        subscriptions.delete(scope(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate the signing secret",
            description = "A new secret, shown this once. For 24 hours deliveries carry signatures by both the new"
                    + " and the previous secret, so receivers can switch without losing one.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription with its new `secret`; the new ETag",
            content = @Content(schema = @Schema(implementation = WebhookSubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown subscription, or another partner's (`not-found`)")
    public Response rotateSecret(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        WebhookSubscriptions.Created rotated = subscriptions.rotate(scope(), id);
        return Response.ok(WebhookSubscriptionResponse.of(rotated.subscription(), rotated.secret()))
                .tag(EntityVersions.etag(rotated.subscription().version()))
                .build();
    }

    @POST
    @Path("/{id}/ping")
    @Operation(
            operationId = "pingWebhookSubscription",
            summary = "Send a test event",
            description = "Plans a `se.techtank.notifications.webhook.ping` event to the subscription, signed and"
                    + " retried as every other event.")
    @APIResponse(
            responseCode = "202",
            description = "Planned; `eventId` is the ping's CloudEvent id",
            content = @Content(schema = @Schema(implementation = PingResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown subscription, or another partner's (`not-found`)")
    public Response ping(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        UUID eventId = subscriptions.ping(scope(), id);
        return Response.accepted(new PingResponse(eventId)).build();
    }

    /** The answer to a ping. */
    @Schema(name = "WebhookPing")
    public record PingResponse(UUID eventId) {}

    /** Empty for staff (every partner); the caller's partner id otherwise. */
    private Optional<String> scope() {
        if (caller.isStaff()) {
            return Optional.empty();
        }
        // A partner token that names no partner (claim partner_id) may not see any partner's subscriptions.
        return Optional.of(caller.partnerId().orElseThrow(ForbiddenException::new));
    }

    /** Whose subscription a POST makes: staff name the partner, a partner makes its own. */
    private String partnerFor(WebhookSubscriptionRequest request) {
        if (caller.isStaff()) {
            if (request.partnerId() == null || request.partnerId().isBlank()) {
                throw new RuleViolationException("partnerId", "staff must name the partner");
            }
            return request.partnerId().strip();
        }
        String own = scope().orElseThrow();
        if (request.partnerId() != null && !request.partnerId().equals(own)) {
            throw new RuleViolationException("partnerId", "a partner subscribes for itself only");
        }
        return own;
    }

    private static Response withVersion(WebhookSubscription subscription, Response.ResponseBuilder builder) {
        return builder.entity(WebhookSubscriptionResponse.of(subscription))
                .tag(EntityVersions.etag(subscription.version()))
                .build();
    }
}
