package se.techtank.notifications.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.notifications.domain.Channel;
import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.DeliveryStatus;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.notifications.domain.SuppressionReason;

/** One delivery of the log, as staff see it (a partner sees its webhook deliveries, which name no person). */
@Schema(name = "Delivery", description = "One notification to one recipient over one channel, and how it went")
public record DeliveryResponse(
        UUID id,

        NotificationKind kind,
        Channel channel,
        DeliveryStatus status,

        @Schema(description = "Why it is not sent (only when SUPPRESSED)")
        SuppressionReason suppressedReason,

        Source source,
        Recipient recipient,

        @Schema(description = "The e-mail address; absent for webhooks, and once the person is erased")
        String address,

        @Schema(description = "sv or en") String language,
        int attempts,
        @Schema(description = "When it is, or was, due") Instant dueAt,

        @Schema(description = "When a sender takes it next (SCHEDULED, PENDING)")
        Instant nextAttemptAt,

        Instant sentAt,

        @Schema(description = "The last failure, without addresses")
        String lastError,

        Instant createdAt,
        Instant modifiedAt) {

    @Schema(name = "DeliverySource", description = "What the delivery answers")
    public record Source(
            @Schema(description = "The event's ce_id, or reminder:<meetingId>:<sequence>")
            String key,

            @Schema(description = "The event's ce_id; absent for a reminder")
            UUID eventId,

            @Schema(description = "The event's ce_type", example = "se.techtank.events.registration.confirmed")
            String type) {}

    @Schema(name = "DeliveryRecipient", description = "Who it went to, as the ids of the records they are in")
    public record Recipient(UUID contactId, UUID registrationId, UUID applicationId, UUID subscriptionId) {}

    static DeliveryResponse of(Delivery delivery) {
        return new DeliveryResponse(
                delivery.id(),
                delivery.kind(),
                delivery.channel(),
                delivery.status(),
                delivery.suppressedReason(),
                new Source(delivery.sourceKey(), delivery.sourceEventId(), delivery.sourceType()),
                new Recipient(
                        delivery.contactId(),
                        delivery.registrationId(),
                        delivery.applicationId(),
                        delivery.subscriptionId()),
                delivery.address(),
                delivery.language(),
                delivery.attempts(),
                delivery.dueAt(),
                delivery.status().open() ? delivery.nextAttemptAt() : null,
                delivery.sentAt(),
                delivery.lastError(),
                delivery.createdAt(),
                delivery.modifiedAt());
    }
}
