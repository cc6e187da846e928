package se.techtank.events.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import se.techtank.events.domain.Audience;
import se.techtank.events.domain.Company;
import se.techtank.events.domain.CompanyLimitReachedException;
import se.techtank.events.domain.CompanyRepository;
import se.techtank.events.domain.DuplicateRegistrationException;
import se.techtank.events.domain.IllegalMeetingTransitionException;
import se.techtank.events.domain.IllegalRegistrationTransitionException;
import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.events.domain.MembersOnlyException;
import se.techtank.events.domain.Registration;
import se.techtank.events.domain.RegistrationRepository;
import se.techtank.events.domain.RegistrationStatus;
import se.techtank.events.domain.SeatRepository;
import se.techtank.events.messaging.out.RegistrationEventPublisher;
import se.techtank.platform.admission.AdmissionKey;
import se.techtank.platform.admission.Admitted;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.security.Caller;

/**
 * Registrations: registering (a seat while there is one, else the waitlist, or pending approval),
 * cancelling (which promotes the next on the waitlist in the same transaction), approval, check-in.
 * Commands that touch seats hold the meeting's lock, so that they happen one after the other per
 * meeting; the seat counts themselves are kept by the database's conditional updates.
 */
@ApplicationScoped
public class RegistrationService {

    /** Cancellation reasons the service itself gives. */
    public static final String MEETING_CANCELLED = "MEETING_CANCELLED";

    public static final String MEETING_COMPLETED = "MEETING_COMPLETED";
    public static final String CANCELLED_BY_ATTENDEE = "CANCELLED_BY_ATTENDEE";
    public static final String CANCELLED_BY_ORGANISER = "CANCELLED_BY_ORGANISER";

    /** The fields a meeting's registration list sorts by. */
    public static final Set<String> SORTABLE = RegistrationRepository.SORTABLE;

    private static final int CHECK_IN_CODE_ATTEMPTS = 10;

    private final RegistrationRepository registrations;
    private final CompanyRepository companies;
    private final SeatRepository seats;
    private final Waitlist waitlist;
    private final MeetingAccess access;
    private final RegistrationEventPublisher events;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    RegistrationService(
            RegistrationRepository registrations,
            CompanyRepository companies,
            SeatRepository seats,
            Waitlist waitlist,
            MeetingAccess access,
            RegistrationEventPublisher events,
            Caller caller) {
        this.registrations = registrations;
        this.companies = companies;
        this.seats = seats;
        this.waitlist = waitlist;
        this.access = access;
        this.events = events;
        this.caller = caller;
    }

    /** A new registration and its secret cancellation token (shown once, in the answer and the event). */
    public record Registered(Registration registration, Meeting meeting) {}

    /**
     * Registers someone for a published meeting whose registration is open: {@code CONFIRMED} while
     * seats remain, then {@code WAITLISTED} with the next position; {@code PENDING_APPROVAL} (no seat
     * yet) when the meeting requires approval.
     *
     * <p>Registrations of one meeting take turns at the {@code meeting-registration} gate before their
     * transaction begins, by default two at a time per replica (ADR 0007). They would wait anyway: every
     * registration locks its meeting's row until it commits (ADR 0009). Waiting at the gate instead of on
     * that lock keeps the other database connections free for other requests and spares PostgreSQL the
     * hand-over of a lock among many waiting sessions: in the rush benchmark (50 clients, one meeting) that
     * gave clearly more registrations per second (docs/benchmarks.md). Exactness does not depend on it: the
     * row lock and the constraints still decide.
     */
    @Admitted("meeting-registration")
    @Transactional
    public Registered register(@AdmissionKey UUID meetingId, NewRegistration request) {
        Registration.CompanyRef company = companyOf(request);
        Instant now = now();
        Registration registration = Registration.of(
                meetingId, request.attendee(), company, caller.subject().orElse(null), now);
        // Checks that need no lock come first, so that the lock is held as briefly as possible; the
        // unique indexes decide the rare race between two requests.
        RegistrationRepository.Collisions collisions =
                registrations.collisions(meetingId, registration.emailHash(), registration.checkInCode());
        if (collisions.emailRegistered()) {
            access.visibleReadOnly(meetingId); // an unknown meeting is a 404, not a duplicate
            throw new DuplicateRegistrationException();
        }
        if (collisions.checkInCodeTaken()) {
            ensureUniqueCheckInCode(registration);
        }
        // Registering changes the meeting's counters by SQL (SeatRepository), never through the entity.
        Meeting meeting = access.visibleReadOnly(meetingId);
        if (!takeSeatOrPlaceUnlocked(meeting, registration, company, now)) {
            meeting = access.lockVisible(meeting);
            meeting.checkOpenForRegistration(now);
            checkAudience(meeting, company);
            if (company != null && meeting.maxPerCompany().isPresent()) {
                int limit = meeting.maxPerCompany().get();
                if (registrations.countActiveOfCompany(meetingId, company.organisationNumber()) >= limit) {
                    throw new CompanyLimitReachedException(company.organisationNumber(), limit);
                }
            }
            if (meeting.approvalRequired()) {
                registration.pendApproval();
            } else if (seats.take(meetingId)) {
                registration.confirm(now);
            } else {
                registration.waitlist(seats.joinWaitlist(meetingId), now);
            }
        }
        registrations.persist(registration);
        flushDecidingDuplicates();
        events.registered(registration, meeting);
        return new Registered(registration, meeting);
    }

    /**
     * The common case without a lock of its own (ADR 0009): the meeting was read without a lock,
     * checked, and the seat update (or the waitlist update when full) takes the row lock itself, on
     * condition that the meeting is still at the version read, so that nothing checked has changed since.
     * {@code false} when that does not hold, or for what needs the lock to check (approval, the per-company
     * cap): the caller then locks the meeting and decides again.
     */
    private boolean takeSeatOrPlaceUnlocked(
            Meeting meeting, Registration registration, Registration.CompanyRef company, Instant now) {
        if (meeting.approvalRequired()
                || (company != null && meeting.maxPerCompany().isPresent())) {
            return false;
        }
        meeting.checkOpenForRegistration(now);
        checkAudience(meeting, company);
        // Both updates decide by the row as it is when they lock it, so trying them in either order gives
        // the same result; the one the meeting as read makes likely goes first. Full when read, a meeting
        // almost always still is: the waitlist then takes one update instead of a failed seat update first.
        if (meeting.seatsLeft() == 0) {
            return joinWaitlistUnlocked(meeting, registration, now) || takeSeatUnlocked(meeting, registration, now);
        }
        return takeSeatUnlocked(meeting, registration, now) || joinWaitlistUnlocked(meeting, registration, now);
    }

    private boolean takeSeatUnlocked(Meeting meeting, Registration registration, Instant now) {
        if (seats.takeIfUnchanged(meeting.id(), meeting.version())) {
            registration.confirm(now);
            return true;
        }
        return false;
    }

    private boolean joinWaitlistUnlocked(Meeting meeting, Registration registration, Instant now) {
        OptionalInt position = seats.joinWaitlistIfFullAndUnchanged(meeting.id(), meeting.version());
        if (position.isPresent()) {
            registration.waitlist(position.getAsInt(), now);
            return true;
        }
        return false;
    }

    /** A registration, to staff, the meeting's municipality, or whoever holds its cancellation token. */
    @Transactional
    public Registered get(UUID id, String token) {
        Registration registration = registrations.findByIdOptional(id).orElseThrow(() -> notFound(id));
        Meeting meeting = access.visible(registration.meetingId());
        if (!access.mayManage(meeting) && !registration.acceptsToken(token)) {
            throw notFound(id);
        }
        return new Registered(registration, meeting);
    }

    /**
     * Cancels a registration (the attendee with the token from their confirmation, or the organisers). A
     * seat it held goes to the first on the waitlist in the same transaction; leaving the waitlist moves
     * everyone behind up. Cancelling again changes nothing.
     */
    @Transactional
    public Registered cancel(UUID id, String token) {
        Registration found = registrations.findByIdOptional(id).orElseThrow(() -> notFound(id));
        Meeting meeting = access.visibleForUpdate(found.meetingId());
        boolean organiser = access.mayManage(meeting);
        if (!organiser && !found.acceptsToken(token)) {
            throw notFound(id);
        }
        Registration registration = lockedFresh(found);
        if (registration.status() == RegistrationStatus.CANCELLED) {
            return new Registered(registration, meeting);
        }
        Instant now = now();
        int position = registration.waitlistPosition().orElse(0);
        RegistrationStatus before =
                registration.cancel(organiser && token == null ? CANCELLED_BY_ORGANISER : CANCELLED_BY_ATTENDEE, now);
        List<Registration> promoted = List.of();
        if (before == RegistrationStatus.CONFIRMED) {
            seats.release(meeting.id());
            registrations.flush();
            promoted = waitlist.fillFreeSeats(meeting, now);
        } else if (before == RegistrationStatus.WAITLISTED) {
            seats.leaveWaitlist(meeting.id(), position, 1);
        }
        events.cancelled(registration, meeting);
        promoted.forEach(next -> events.promoted(next, meeting));
        return new Registered(registration, meeting);
    }

    /** Approves a pending registration: a seat if one is left, else the waitlist. Staff only. */
    @Transactional
    public Registered approve(UUID id) {
        Registration found = registrations.findByIdOptional(id).orElseThrow(() -> notFound(id));
        Meeting meeting = access.visibleForUpdate(found.meetingId());
        Registration registration = lockedFresh(found);
        if (registration.status() != RegistrationStatus.PENDING_APPROVAL) {
            throw new IllegalRegistrationTransitionException("approve", registration.status());
        }
        if (meeting.status() != MeetingStatus.PUBLISHED) {
            throw new IllegalMeetingTransitionException("approve registrations of", meeting.status());
        }
        Instant now = now();
        if (seats.take(meeting.id())) {
            registration.confirm(now);
        } else {
            registration.waitlist(seats.joinWaitlist(meeting.id()), now);
        }
        events.registered(registration, meeting);
        return new Registered(registration, meeting);
    }

    /** Declines a pending registration. Staff only. */
    @Transactional
    public Registered decline(UUID id, String reason) {
        Registration registration = registrations.findForUpdate(id).orElseThrow(() -> notFound(id));
        Meeting meeting = access.visible(registration.meetingId());
        registration.decline(reason, now());
        events.declined(registration, meeting);
        return new Registered(registration, meeting);
    }

    /**
     * Marks an attendee as present, by check-in code or registration id; again is harmless. Staff, or the
     * meeting's municipality.
     */
    @Transactional
    public Registered checkIn(UUID meetingId, String code, UUID registrationId) {
        Meeting meeting = access.managed(meetingId);
        if (meeting.status() != MeetingStatus.PUBLISHED) {
            throw new IllegalMeetingTransitionException("check in at", meeting.status());
        }
        Optional<Registration> found = registrationId != null
                ? registrations
                        .findByIdOptional(registrationId)
                        .filter(r -> r.meetingId().equals(meetingId))
                : registrations.byCheckInCode(meetingId, code.strip().toUpperCase(Locale.ROOT));
        Registration registration = found.orElseThrow(
                () -> new NotFoundException("Registration", registrationId != null ? registrationId : code));
        registrations.getEntityManager().lock(registration, LockModeType.PESSIMISTIC_WRITE);
        if (registration.checkIn(caller.subject().orElse(null), now())) {
            events.attended(registration, meeting);
        }
        return new Registered(registration, meeting);
    }

    /** The meeting's registrations, for its organisers. */
    @Transactional
    public Page<Registration> list(UUID meetingId, Set<RegistrationStatus> statuses, PageRequest page) {
        access.managed(meetingId);
        return Page.of(registrations.list(meetingId, statuses, page), page, registrations.count(meetingId, statuses));
    }

    /** Every registration of the meeting, oldest first, for its organisers (the participant export). */
    @Transactional
    public List<Registration> all(UUID meetingId, Set<RegistrationStatus> statuses) {
        access.managed(meetingId);
        return registrations.withStatus(meetingId, statuses);
    }

    /**
     * The registration as it is now, locked: read before the meeting's lock was taken, its waitlist
     * position may have moved since.
     */
    private Registration lockedFresh(Registration registration) {
        registrations.getEntityManager().refresh(registration, LockModeType.PESSIMISTIC_WRITE);
        return registration;
    }

    private Registration.CompanyRef companyOf(NewRegistration request) {
        Optional<Company> known = Optional.empty();
        if (caller.isMember()) {
            known = caller.companyId().flatMap(companies::findByIdOptional);
        }
        if (known.isEmpty() && request.organisationNumber() != null) {
            known = companies.byOrganisationNumber(request.organisationNumber());
        }
        if (known.isPresent()) {
            Company company = known.get();
            return new Registration.CompanyRef(
                    company.organisationNumber(), company.name(), company.municipalityCode());
        }
        return request.organisationNumber() == null
                ? null
                : new Registration.CompanyRef(request.organisationNumber(), null, null);
    }

    private void checkAudience(Meeting meeting, Registration.CompanyRef company) {
        if (meeting.audience() != Audience.MEMBERS_ONLY || caller.isStaff() || caller.isMember()) {
            return;
        }
        if (company == null) {
            throw new MembersOnlyException(
                    "This meeting is for member companies: give your company's organisation number.");
        }
        boolean activeMember = companies
                .byOrganisationNumber(company.organisationNumber())
                .map(Company::isActiveMember)
                .orElse(false);
        if (!activeMember) {
            throw new MembersOnlyException("This meeting is for member companies, and " + company.organisationNumber()
                    + " is not an active member of Techtank.");
        }
    }

    private void ensureUniqueCheckInCode(Registration registration) {
        for (int attempt = 0; attempt < CHECK_IN_CODE_ATTEMPTS; attempt++) {
            if (!registrations.checkInCodeTaken(registration.meetingId(), registration.checkInCode())) {
                return;
            }
            registration.newCheckInCode(Registration.newCheckInCode());
        }
        throw new IllegalStateException("No free check-in code after " + CHECK_IN_CODE_ATTEMPTS + " attempts");
    }

    /** Two requests with one e-mail address at the same moment: the unique index decides. */
    private void flushDecidingDuplicates() {
        try {
            registrations.flush();
        } catch (PersistenceException e) {
            ConstraintViolationException violation = e instanceof ConstraintViolationException direct
                    ? direct
                    : e.getCause() instanceof ConstraintViolationException cause ? cause : null;
            if (violation != null && "registration_one_per_email".equalsIgnoreCase(violation.getConstraintName())) {
                throw new DuplicateRegistrationException();
            }
            throw e;
        }
    }

    static NotFoundException notFound(Object id) {
        return new NotFoundException("Registration", id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
