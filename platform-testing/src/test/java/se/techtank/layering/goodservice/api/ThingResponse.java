package se.techtank.layering.goodservice.api;

import se.techtank.layering.goodservice.domain.Thing;

/** A fixture API type that depends inwards only. */
public record ThingResponse(String name) {

    static ThingResponse of(Thing thing) {
        return new ThingResponse(thing.name());
    }
}
