package se.techtank.layering.cyclicservice.service;

import se.techtank.layering.cyclicservice.domain.Booking;
import se.techtank.layering.cyclicservice.messaging.out.BookingPublisher;

/** A fixture use case that publishes: service → messaging.out. */
public class Bookings {

    private final BookingPublisher publisher = new BookingPublisher();

    public String book(String id) {
        return publisher.booked(new Booking(id));
    }
}
