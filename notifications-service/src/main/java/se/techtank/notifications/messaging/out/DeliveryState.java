package se.techtank.notifications.messaging.out;

import java.time.Instant;
import java.util.UUID;

import se.techtank.notifications.domain.Delivery;

/**
 * A delivery as {@code notifications.delivery.v1} carries it (schema {@code contracts/notifications/delivery.v1.json}):
 * what was sent or failed, about which event, to whom as an id. Never an address or a name.
 */
public record DeliveryState(
        UUID deliveryId,
        String kind,
        String channel,
        String status,
        UUID sourceEventId,
        String sourceType,
        Recipient recipient,
        int attempts,
        Instant sentAt,
        String error,
        Instant modifiedAt) {

    /** Who it went to, as ids of the records they are in; only the ones that apply are present. */
    public record Recipient(UUID contactId, UUID registrationId, UUID applicationId, UUID subscriptionId) {}

    static DeliveryState of(Delivery delivery) {
        return new DeliveryState(
                delivery.id(),
                delivery.kind().name(),
                delivery.channel().name(),
                delivery.status().name(),
                delivery.sourceEventId(),
                delivery.sourceType(),
                new Recipient(
                        delivery.contactId(),
                        delivery.registrationId(),
                        delivery.applicationId(),
                        delivery.subscriptionId()),
                delivery.attempts(),
                delivery.sentAt(),
                delivery.lastError(),
                delivery.modifiedAt());
    }
}
