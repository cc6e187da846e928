package se.techtank.notifications.api;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.notifications.domain.Channel;
import se.techtank.notifications.domain.DeliveryStatus;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.notifications.query.DeliveryFilter;
import se.techtank.notifications.query.DeliveryList;
import se.techtank.notifications.service.DeliveryLog;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageParameters;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.query.QueryParameters;
import se.techtank.platform.security.Caller;
import se.techtank.platform.security.Roles;

/** The delivery log: what was sent, to whom (by id), when, and what failed; a failed delivery retried. */
@Path("/api/v1/deliveries")
@Tag(name = "Deliveries", description = "Every notification planned, sent, failed or suppressed")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
@APIResponse(responseCode = "403", description = "Neither staff nor a partner (municipality, member)")
public class DeliveryResource {

    private final DeliveryLog log;
    private final Caller caller;

    DeliveryResource(DeliveryLog log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    @Schema(name = "DeliveryPage", description = "One page of deliveries")
    record DeliveryPage(List<DeliveryResponse> items, int page, int size, long totalItems, int totalPages) {}

    @GET
    @RolesAllowed({Roles.STAFF, Roles.PARTNER})
    @Operation(
            operationId = "listDeliveries",
            summary = "List deliveries",
            description = "Staff: every delivery. A partner: the deliveries to its webhook subscriptions only."
                    + " Newest change first unless `sort` says otherwise.")
    @APIResponse(
            responseCode = "200",
            description = "One page of deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter or paging parameter (`errors` names it)")
    public Page<DeliveryResponse> list(
            @Parameter(description = "EMAIL or WEBHOOK") @QueryParam("channel") String channel,
            @Parameter(description = "SCHEDULED, PENDING, SENT, FAILED or SUPPRESSED", example = "FAILED")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "A notification kind", example = "REGISTRATION_CONFIRMED") @QueryParam("kind")
                    String kind,
            @Parameter(description = "To this contact person") @QueryParam("contactId") String contactId,
            @Parameter(description = "To this registration's attendee") @QueryParam("registrationId")
                    String registrationId,
            @Parameter(description = "To this application's contact") @QueryParam("applicationId") String applicationId,
            @Parameter(description = "To this webhook subscription") @QueryParam("subscriptionId")
                    String subscriptionId,
            @Parameter(description = "Answering this event (ce_id)") @QueryParam("sourceEventId") String sourceEventId,
            @Parameter(description = "Changed at or after (ISO 8601 with offset)", example = "2026-12-01T00:00:00Z")
                    @QueryParam("modifiedSince")
                    String modifiedSince,
            @BeanParam PageParameters paging,
            @Parameter(
                            description = "`modifiedAt`, `createdAt` or `dueAt`, with `,asc` or `,desc`",
                            example = "modifiedAt,desc",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
                    @QueryParam("sort")
                    List<String> sort) {
        var filter = new AtomicReference<DeliveryFilter>();
        var request = new AtomicReference<PageRequest>();
        InvalidRequestException.collect(
                () -> {
                    QueryParameters parameters = new QueryParameters();
                    DeliveryFilter parsed = new DeliveryFilter(
                            parameters.oneOf("channel", channel, Channel.class),
                            parameters.oneOf("status", status, DeliveryStatus.class),
                            parameters.oneOf("kind", kind, NotificationKind.class),
                            parameters.uuid("contactId", contactId),
                            parameters.uuid("registrationId", registrationId),
                            parameters.uuid("applicationId", applicationId),
                            parameters.uuid("subscriptionId", subscriptionId),
                            parameters.uuid("sourceEventId", sourceEventId),
                            instant(parameters, modifiedSince),
                            null);
                    parameters.throwIfInvalid("The list parameters are invalid.");
                    filter.set(parsed);
                },
                () -> request.set(PageRequest.parse(
                        paging.page(), paging.size(), sort, DeliveryList.SORTABLE, "modifiedAt,desc")));
        DeliveryFilter visible = caller.isStaff()
                ? filter.get()
                : filter.get().ofPartner(caller.partnerId().orElse(""));
        return log.list(visible, request.get()).map(DeliveryResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.PARTNER})
    @Operation(
            operationId = "getDelivery",
            summary = "Read a delivery",
            description = "A partner reads the deliveries to its webhooks only.")
    @APIResponse(
            responseCode = "200",
            description = "The delivery",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown delivery, or not the partner's")
    public DeliveryResponse get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return DeliveryResponse.of(
                log.get(id, caller.isStaff() ? null : caller.partnerId().orElse("")));
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "retryDelivery",
            summary = "Retry a failed delivery",
            description = "Staff, once the cause is fixed (a corrected address, a partner's endpoint back): the"
                    + " delivery is due again now, with a fresh period of retries.")
    @APIResponse(
            responseCode = "200",
            description = "Due again (PENDING)",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown delivery")
    @APIResponse(responseCode = "409", description = "Not FAILED (`illegal-delivery-transition`)")
    public DeliveryResponse retry(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return DeliveryResponse.of(log.retry(id));
    }

    private static java.time.Instant instant(QueryParameters parameters, String value) {
        var time = parameters.time("modifiedSince", value);
        return time == null ? null : time.toInstant();
    }
}
