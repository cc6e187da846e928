package se.techtank.events.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingDetails;
import se.techtank.events.domain.MeetingRepository;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.events.domain.Registration;
import se.techtank.events.domain.RegistrationRepository;
import se.techtank.events.domain.RegistrationStatus;
import se.techtank.events.domain.SeatRepository;
import se.techtank.events.messaging.out.MeetingEventPublisher;
import se.techtank.events.messaging.out.RegistrationEventPublisher;
import se.techtank.events.query.MeetingFilter;
import se.techtank.events.query.MeetingList;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.StaleVersionException;

/**
 * Planning meetings and their lifecycle. Each command runs in one transaction holding the meeting's
 * lock, with its events recorded in the outbox in the same transaction.
 */
@ApplicationScoped
public class MeetingService {

    private final MeetingRepository meetings;
    private final MeetingList list;
    private final RegistrationRepository registrations;
    private final SeatRepository seats;
    private final MeetingAccess access;
    private final Waitlist waitlist;
    private final MeetingEventPublisher meetingEvents;
    private final RegistrationEventPublisher registrationEvents;
    private final Clock clock = Clock.systemUTC();

    MeetingService(
            MeetingRepository meetings,
            MeetingList list,
            RegistrationRepository registrations,
            SeatRepository seats,
            MeetingAccess access,
            Waitlist waitlist,
            MeetingEventPublisher meetingEvents,
            RegistrationEventPublisher registrationEvents) {
        this.meetings = meetings;
        this.list = list;
        this.registrations = registrations;
        this.seats = seats;
        this.access = access;
        this.waitlist = waitlist;
        this.meetingEvents = meetingEvents;
        this.registrationEvents = registrationEvents;
    }

    /** Plans a meeting, in {@code DRAFT}: nothing is published until {@link #publish}. */
    @Transactional
    public Meeting plan(MeetingDetails details) {
        access.checkMayPlanIn(details.municipalityCode());
        Meeting meeting = Meeting.plan(details, now());
        meetings.persistAndFlush(meeting);
        return meeting;
    }

    @Transactional
    public Meeting get(UUID id) {
        return access.visible(id);
    }

    /**
     * One page of the meetings the filter selects now, among those the caller may see, as JSON: the page as
     * {@code representation} shows it (see {@link MeetingList#page}). Read-only, without a transaction of its
     * own: the page and its count are two statements anyway, and outside a transaction a list rendered in
     * the same snapshot can be given back (ADR 0010).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] list(MeetingFilter filter, PageRequest page, BiFunction<Page<Meeting>, Instant, ?> representation) {
        Instant now = now();
        return list.page(filter.visibleTo(access.draftsListedIn(), now), page, now, representation);
    }

    /**
     * Replaces a meeting's details if {@code expectedVersion} is current. A published meeting whose time
     * or place changes is rescheduled ({@code meeting.rescheduled}, calendar SEQUENCE raised); other
     * changes of a published meeting publish {@code meeting.updated}. A raised capacity takes as many
     * from the waitlist as now fit.
     */
    @Transactional
    public Meeting edit(UUID id, MeetingDetails details, long expectedVersion) {
        Meeting meeting = access.managedForUpdate(id);
        if (meeting.version() != expectedVersion) {
            throw new StaleVersionException("Meeting", id);
        }
        if (!details.municipalityCode().equals(meeting.municipalityCode())) {
            access.checkMayPlanIn(details.municipalityCode());
        }
        Instant now = now();
        Meeting.Change change = meeting.edit(details, now);
        if (change == Meeting.Change.NONE) {
            return meeting;
        }
        meetings.flush();
        List<Registration> promoted = waitlist.fillFreeSeats(meeting, now);
        meetings.getEntityManager().refresh(meeting);
        switch (change) {
            case RESCHEDULED -> meetingEvents.rescheduled(meeting);
            case UPDATED -> {
                if (meeting.status() == MeetingStatus.PUBLISHED) {
                    meetingEvents.updated(meeting);
                }
            }
            case NONE -> {}
        }
        promoted.forEach(registration -> registrationEvents.promoted(registration, meeting));
        return meeting;
    }

    @Transactional
    public Meeting publish(UUID id) {
        Meeting meeting = access.managedForUpdate(id);
        meeting.publish(now());
        meetings.flush();
        meetingEvents.published(meeting);
        return meeting;
    }

    /** Cancels the meeting and with it every registration still standing (each tells its attendee). */
    @Transactional
    public Meeting cancel(UUID id, String reason) {
        Meeting meeting = access.managedForUpdate(id);
        Instant now = now();
        boolean wasPublished = meeting.status() == MeetingStatus.PUBLISHED;
        meeting.cancel(reason, now);
        List<Registration> standing = registrations.withStatus(
                id,
                EnumSet.of(
                        RegistrationStatus.PENDING_APPROVAL,
                        RegistrationStatus.CONFIRMED,
                        RegistrationStatus.WAITLISTED));
        for (Registration registration : standing) {
            registration.cancel(RegistrationService.MEETING_CANCELLED, now);
        }
        seats.clear(id);
        meetings.getEntityManager().refresh(meeting);
        if (wasPublished) {
            meetingEvents.cancelled(meeting);
        }
        standing.forEach(registration -> registrationEvents.cancelled(registration, meeting));
        return meeting;
    }

    /** Completes a meeting that took place: whoever was confirmed and did not check in is a no-show. */
    @Transactional
    public Meeting complete(UUID id) {
        Meeting meeting = access.managedForUpdate(id);
        Instant now = now();
        meeting.complete(now);
        List<Registration> noShows = registrations.withStatus(id, EnumSet.of(RegistrationStatus.CONFIRMED));
        noShows.forEach(registration -> registration.markNoShow(now));
        List<Registration> stillWaiting = registrations.withStatus(
                id, EnumSet.of(RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING_APPROVAL));
        stillWaiting.forEach(registration -> registration.cancel(RegistrationService.MEETING_COMPLETED, now));
        meetings.flush();
        if (!stillWaiting.isEmpty()) {
            seats.clearWaitlist(id);
        }
        meetingEvents.completed(meeting);
        noShows.forEach(registration -> registrationEvents.noShow(registration, meeting));
        stillWaiting.forEach(registration -> registrationEvents.cancelled(registration, meeting));
        return meeting;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
