package se.techtank.layering.cyclicservice.messaging.out;

import se.techtank.layering.cyclicservice.domain.Booking;
import se.techtank.layering.cyclicservice.service.BookingLinks;

/** A fixture publisher that imports the use-case layer back: messaging.out → service, a cycle. */
public class BookingPublisher {

    public String booked(Booking booking) {
        return new BookingLinks().of(booking);
    }
}
