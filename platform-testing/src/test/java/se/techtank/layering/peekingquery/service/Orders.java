package se.techtank.layering.peekingquery.service;

import se.techtank.layering.peekingquery.domain.Order;

/** A fixture use case. */
public class Orders {

    public boolean maySee(Order order) {
        return !order.number().isEmpty();
    }
}
