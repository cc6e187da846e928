package se.techtank.notifications.domain;

/** Only a FAILED delivery can be tried again; any other is on its way, done, or not to be sent. */
public class IllegalDeliveryTransitionException extends se.techtank.platform.problem.DomainException {

    public IllegalDeliveryTransitionException(DeliveryStatus status) {
        super(
                Kind.CONFLICT,
                "illegal-delivery-transition",
                "Illegal delivery transition",
                "Only a FAILED delivery can be retried; this one is " + status + ".");
    }
}
