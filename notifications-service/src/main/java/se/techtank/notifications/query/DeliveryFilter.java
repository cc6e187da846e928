package se.techtank.notifications.query;

import java.time.Instant;
import java.util.UUID;

import se.techtank.notifications.domain.Channel;
import se.techtank.notifications.domain.DeliveryStatus;
import se.techtank.notifications.domain.NotificationKind;

/**
 * Which deliveries a list shows; {@code null} means any. {@code onlyPartner}, when set, narrows the list to
 * that partner's webhook deliveries (what a partner may see).
 */
public record DeliveryFilter(
        Channel channel,
        DeliveryStatus status,
        NotificationKind kind,
        UUID contactId,
        UUID registrationId,
        UUID applicationId,
        UUID subscriptionId,
        UUID sourceEventId,
        Instant modifiedSince,
        String onlyPartner) {

    public DeliveryFilter ofPartner(String partnerId) {
        return new DeliveryFilter(
                Channel.WEBHOOK,
                status,
                kind,
                contactId,
                registrationId,
                applicationId,
                subscriptionId,
                sourceEventId,
                modifiedSince,
                partnerId);
    }
}
