package se.techtank.events.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.events.domain.CancellationLinks;
import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.Registration;
import se.techtank.platform.outbox.Outbox;

/** Records the facts about registrations in the outbox, for topic {@code events.registration.v1}. */
@ApplicationScoped
public class RegistrationEventPublisher {

    static final String AGGREGATE = "registration";

    private final Outbox outbox;
    private final CancellationLinks links;

    RegistrationEventPublisher(Outbox outbox, CancellationLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    /** {@code confirmed}, {@code waitlisted} or {@code pending-approval}, by the registration's status. */
    public void registered(Registration registration, Meeting meeting) {
        String fact = switch (registration.status()) {
            case CONFIRMED -> "confirmed";
            case WAITLISTED -> "waitlisted";
            case PENDING_APPROVAL -> "pending-approval";
            default -> throw new IllegalArgumentException("Not a new registration: " + registration.status());
        };
        record(registration, meeting, fact);
    }

    /** Moved from the waitlist into a seat. */
    public void promoted(Registration registration, Meeting meeting) {
        record(registration, meeting, "promoted");
    }

    public void cancelled(Registration registration, Meeting meeting) {
        record(registration, meeting, "cancelled");
    }

    /** Staff declined a registration that needed approval. */
    public void declined(Registration registration, Meeting meeting) {
        record(registration, meeting, "declined");
    }

    public void attended(Registration registration, Meeting meeting) {
        record(registration, meeting, "attended");
    }

    public void noShow(Registration registration, Meeting meeting) {
        record(registration, meeting, "no-show");
    }

    /** The person was erased: the state without them replaces, on the compacted topic, every earlier one. */
    public void anonymised(Registration registration, Meeting meeting) {
        record(registration, meeting, "anonymised");
        // The registration's published events carry the person's name and address: gone from the outbox too.
        outbox.forgetPublished(AGGREGATE, registration.id());
    }

    private void record(Registration registration, Meeting meeting, String fact) {
        outbox.record(
                AGGREGATE,
                registration.id(),
                fact,
                RegistrationState.of(registration, meeting, links.of(registration)));
    }
}
