package se.techtank.events.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.Registration;
import se.techtank.events.domain.RegistrationRepository;
import se.techtank.events.domain.SeatRepository;

/** Moves people from the waitlist into free seats, first come first served. Callers hold the meeting's lock. */
@ApplicationScoped
public class Waitlist {

    private final SeatRepository seats;
    private final RegistrationRepository registrations;

    Waitlist(SeatRepository seats, RegistrationRepository registrations) {
        this.seats = seats;
        this.registrations = registrations;
    }

    /**
     * Promotes as many from the head of the waitlist as there are free seats (after a cancellation, or a
     * raised capacity).
     *
     * @return the promoted registrations, in waitlist order
     */
    public List<Registration> fillFreeSeats(Meeting meeting, Instant now) {
        SeatRepository.Counts counts = seats.counts(meeting.id());
        int promotable = Math.min(counts.seatsLeft(), counts.waitlisted());
        if (promotable == 0) {
            return List.of();
        }
        List<Registration> head = registrations.headOfWaitlist(meeting.id(), promotable);
        if (head.size() != promotable || !seats.take(meeting.id(), promotable)) {
            throw new IllegalStateException("Waitlist of meeting " + meeting.id() + " out of step with its counts");
        }
        head.forEach(registration -> registration.promote(now));
        seats.leaveWaitlist(meeting.id(), 1, promotable);
        return head;
    }
}
