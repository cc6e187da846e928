package se.techtank.events.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingRepository;
import se.techtank.events.domain.Registration;
import se.techtank.events.domain.RegistrationRepository;
import se.techtank.events.messaging.out.RegistrationEventPublisher;
import se.techtank.members.events.readmodel.ContactEmails;
import se.techtank.members.events.readmodel.ContactErasure;

/**
 * The right to erasure for attendees: a member company's contact person erased in members-service
 * ({@code contact.erased}), or anyone by e-mail on staff's request. Their registrations keep status,
 * company and check-in for the statistics, without name, e-mail, dietary requirements or message, and
 * each publishes {@code registration.anonymised} so that the compacted topic forgets the person too.
 */
@ApplicationScoped
public class AttendeeErasure extends ContactErasure {

    private final RegistrationRepository registrations;
    private final MeetingRepository meetings;
    private final RegistrationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    AttendeeErasure(
            RegistrationRepository registrations,
            MeetingRepository meetings,
            ContactEmails contactEmails,
            RegistrationEventPublisher events) {
        super(contactEmails);
        this.registrations = registrations;
        this.meetings = meetings;
        this.events = events;
    }

    @Override
    protected int anonymise(Collection<String> emailHashes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int count = 0;
        for (Registration registration : registrations.byEmailHashes(emailHashes)) {
            if (registration.anonymise(now)) {
                Meeting meeting = meetings.findById(registration.meetingId());
                events.anonymised(registration, meeting);
                count++;
            }
        }
        return count;
    }
}
