package se.techtank.notifications.domain;

import java.util.List;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.FieldError;

/** A webhook URL that is not https, or that points into a private, loopback or link-local network. */
public class WebhookUrlNotAllowedException extends DomainException {

    public WebhookUrlNotAllowedException(String why) {
        super(
                Kind.RULE_VIOLATION,
                "webhook-url-not-allowed",
                "Webhook URL not allowed",
                "A webhook URL must be https and reach a public address: " + why,
                List.of(new FieldError("url", why)));
    }
}
