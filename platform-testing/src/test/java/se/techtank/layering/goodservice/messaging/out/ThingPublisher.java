package se.techtank.layering.goodservice.messaging.out;

import se.techtank.layering.goodservice.domain.Thing;

/** A fixture publisher: called by the use cases, knows the domain only. */
public class ThingPublisher {

    public String added(Thing thing) {
        return thing.name();
    }
}
