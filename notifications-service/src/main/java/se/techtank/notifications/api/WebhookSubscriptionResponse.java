package se.techtank.notifications.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.notifications.domain.WebhookSubscription;

/** A subscription as read: never its secret, except in the answer that created or rotated it. */
@Schema(name = "WebhookSubscription")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSubscriptionResponse(
        UUID id,
        String partnerId,
        String url,
        List<String> eventTypes,
        boolean enabled,

        @Schema(description = "Why it was disabled (the receiver answered 410), while it is")
        String disabledReason,

        @Schema(description = "Until when the secret before the last rotation still signs, if it does")
        Instant previousSecretValidUntil,

        @Schema(
                description = "The signing secret (`whsec_…`): in the answer to create and rotate-secret only."
                        + " Keep it; it is not shown again.")
        String secret,

        Instant createdAt,
        Instant modifiedAt) {

    static WebhookSubscriptionResponse of(WebhookSubscription subscription) {
        return of(subscription, null);
    }

    static WebhookSubscriptionResponse of(WebhookSubscription subscription, String secret) {
        return new WebhookSubscriptionResponse(
                subscription.id(),
                subscription.partnerId(),
                subscription.url(),
                subscription.eventTypes(),
                subscription.enabled(),
                subscription.disabledReason(),
                subscription.previousSecretUntil(),
                secret,
                subscription.createdAt(),
                subscription.modifiedAt());
    }
}
