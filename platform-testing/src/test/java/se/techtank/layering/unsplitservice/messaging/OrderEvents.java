package se.techtank.layering.unsplitservice.messaging;

import se.techtank.layering.unsplitservice.domain.Order;

/** A fixture messaging class that says neither whether it consumes nor publishes. */
public class OrderEvents {

    public String of(Order order) {
        return order.id();
    }
}
