package se.techtank.layering.goodservice.service;

import se.techtank.layering.goodservice.domain.Thing;
import se.techtank.layering.goodservice.messaging.out.ThingPublisher;

/** A fixture use case that publishes through messaging.out. */
public class Things {

    private final ThingPublisher publisher = new ThingPublisher();

    public void add(String name) {
        publisher.added(new Thing(name));
    }
}
