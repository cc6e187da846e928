package se.techtank.layering.goodservice.query;

import java.util.List;
import java.util.function.Function;

import se.techtank.layering.goodservice.domain.Thing;

/** A fixture list read: it renders what it reads as the caller's representation asks. */
public class ThingList {

    public <T> List<T> page(String prefix, Function<Thing, T> representation) {
        return List.of(new Thing(prefix + "1")).stream().map(representation).toList();
    }
}
