package se.techtank.notifications.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as a partner (or staff) asks for it. */
@Schema(name = "WebhookSubscriptionRequest")
public record WebhookSubscriptionRequest(
        @Schema(
                description = "Staff only: the partner the subscription is for (a partner's own id comes from its"
                        + " token). On PUT it is ignored.",
                examples = "iuc-syd")
        String partnerId,

        @Schema(
                description = "Where events are POSTed: https, to a public address",
                examples = "https://hooks.iucsyd.se/techtank",
                required = true)
        String url,

        @Schema(
                description = "CloudEvent types: `se.techtank.programmes.application.*` or any of"
                        + " `se.techtank.programmes.application.`"
                        + "`submitted|approved|rejected|waitlisted|enrolled|withdrawn|completed`,"
                        + " `se.techtank.programmes.programme.intake-opened`,"
                        + " `se.techtank.programmes.programme.intake-closed`",
                required = true)
        List<String> eventTypes,

        @Schema(description = "PUT only: false pauses the subscription, true resumes it (also after a 410)")
        Boolean enabled) {}
