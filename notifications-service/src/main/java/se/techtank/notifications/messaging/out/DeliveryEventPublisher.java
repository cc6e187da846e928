package se.techtank.notifications.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.notifications.domain.Delivery;
import se.techtank.platform.outbox.Outbox;

/**
 * Records the outcome of each delivery in the outbox, for topic {@code notifications.delivery.v1} (key: the
 * delivery id): {@code sent} or {@code failed}.
 */
@ApplicationScoped
public class DeliveryEventPublisher {

    static final String AGGREGATE = "delivery";

    private final Outbox outbox;

    DeliveryEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void sent(Delivery delivery) {
        outbox.record(AGGREGATE, delivery.id(), "sent", DeliveryState.of(delivery));
    }

    public void failed(Delivery delivery) {
        outbox.record(AGGREGATE, delivery.id(), "failed", DeliveryState.of(delivery));
    }
}
