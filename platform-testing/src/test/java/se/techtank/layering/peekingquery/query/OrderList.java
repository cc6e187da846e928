package se.techtank.layering.peekingquery.query;

import java.util.List;

import se.techtank.layering.peekingquery.domain.Order;
import se.techtank.layering.peekingquery.service.Orders;

/** A fixture list read that asks a use case who may see what: the arrow points the wrong way. */
public class OrderList {

    private final Orders orders = new Orders();

    public List<Order> page() {
        return List.of(new Order("1")).stream().filter(orders::maySee).toList();
    }
}
