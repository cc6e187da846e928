package se.techtank.layering.cyclicservice.service;

import se.techtank.layering.cyclicservice.domain.Booking;

/** A fixture helper in the use-case layer that a publisher (wrongly) imports. */
public class BookingLinks {

    public String of(Booking booking) {
        return "/bookings/" + booking.id();
    }
}
