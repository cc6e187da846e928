package se.techtank.notifications.domain;

import java.util.List;

import se.techtank.platform.problem.DomainException;
import se.techtank.platform.problem.FieldError;

/** An unsubscribe token that is malformed, or not signed by this service. */
public class InvalidUnsubscribeTokenException extends DomainException {

    public InvalidUnsubscribeTokenException() {
        super(
                Kind.INVALID_REQUEST,
                "invalid-unsubscribe-token",
                "Invalid unsubscribe token",
                "The link is not one this service wrote; use the link in the mail as it is.",
                List.of(new FieldError("token", "must be the token of an unsubscribe link")));
    }
}
