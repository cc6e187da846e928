package se.techtank.layering.goodservice.messaging.in;

import se.techtank.layering.goodservice.service.Things;

/** A fixture consumer: feeds events into the use cases (messaging.in → service → messaging.out is no cycle). */
public class ThingConsumer {

    private final Things things = new Things();

    public void onThingNamed(String name) {
        things.add(name);
    }
}
