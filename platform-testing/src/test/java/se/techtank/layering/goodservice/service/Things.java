package se.techtank.layering.goodservice.service;

import java.util.List;

import se.techtank.layering.goodservice.domain.Thing;
import se.techtank.layering.goodservice.messaging.out.ThingPublisher;
import se.techtank.layering.goodservice.query.ThingList;

/** A fixture use case that publishes through messaging.out. */
public class Things {

    private final ThingPublisher publisher = new ThingPublisher();
    private final ThingList list = new ThingList();

    public void add(String name) {
        publisher.added(new Thing(name));
    }

    /** The use case decides what the caller may list; the read side reads it. */
    public List<String> names(String prefix) {
        return list.page(prefix, Thing::name);
    }
}
