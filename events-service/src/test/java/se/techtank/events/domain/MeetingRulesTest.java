package se.techtank.events.domain;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import se.techtank.kernel.FocusArea;
import se.techtank.kernel.LocalizedText;
import se.techtank.platform.problem.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules a {@link Meeting} enforces by itself, without a database: its lifecycle {@code DRAFT →
 * PUBLISHED → COMPLETED} or {@code → CANCELLED}, edits, the capacity against the confirmed seats and the
 * registration window. The HTTP answers and events of the same rules are in {@code api.MeetingTest}.
 */
class MeetingRulesTest {

    private static final Instant PLANNED = Instant.parse("2030-03-01T09:00:00Z");
    private static final Instant LATER = PLANNED.plus(Duration.ofHours(1));
    private static final Instant OPENS = Instant.parse("2030-09-01T06:00:00Z");
    private static final Instant CLOSES = Instant.parse("2030-10-01T22:00:00Z");
    private static final Instant STARTS = Instant.parse("2030-10-08T15:00:00Z");
    private static final Instant ENDS = STARTS.plus(Duration.ofHours(3));

    @Test
    void a_planned_meeting_is_a_draft_with_the_details_as_planned() {
        MeetingDetails details = details(40);

        Meeting meeting = Meeting.plan(details, PLANNED);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.DRAFT);
        assertThat(meeting.details()).isEqualTo(details);
        assertThat(meeting.sequence()).isZero();
        assertThat(meeting.createdAt()).isEqualTo(PLANNED);
        assertThat(meeting.modifiedAt()).isEqualTo(PLANNED);
        assertThat(meeting.seatsLeft()).isEqualTo(40);
        assertThat(meeting.cancellationReason()).isEmpty();
    }

    @Test
    void a_draft_is_published() {
        Meeting meeting = in(MeetingStatus.DRAFT);

        meeting.publish(LATER);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.PUBLISHED);
        assertThat(meeting.modifiedAt()).isEqualTo(LATER);
        assertThat(meeting.sequence()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = MeetingStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void only_a_draft_is_published(MeetingStatus status) {
        Meeting meeting = in(status);

        assertRefused(
                () -> meeting.publish(LATER),
                "illegal-meeting-transition",
                "Cannot publish a meeting that is " + status);
        assertThat(meeting.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(
            value = MeetingStatus.class,
            names = {"DRAFT", "PUBLISHED"})
    void a_draft_or_published_meeting_is_cancelled_with_its_reason_and_a_new_sequence(MeetingStatus status) {
        Meeting meeting = in(status);
        int sequence = meeting.sequence();

        meeting.cancel("The venue burnt down", LATER);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(meeting.cancellationReason()).contains("The venue burnt down");
        assertThat(meeting.sequence()).isEqualTo(sequence + 1);
        assertThat(meeting.modifiedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @EnumSource(
            value = MeetingStatus.class,
            names = {"CANCELLED", "COMPLETED"})
    void a_cancelled_or_completed_meeting_is_not_cancelled_again(MeetingStatus status) {
        Meeting meeting = in(status);
        int sequence = meeting.sequence();

        assertRefused(
                () -> meeting.cancel("again", ENDS.plusSeconds(60)), "illegal-meeting-transition", "Cannot cancel");
        assertThat(meeting.status()).isEqualTo(status);
        assertThat(meeting.sequence()).isEqualTo(sequence);
    }

    @Test
    void a_published_meeting_is_completed_once_it_has_started() {
        Meeting meeting = in(MeetingStatus.PUBLISHED);

        meeting.complete(STARTS);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.COMPLETED);
        assertThat(meeting.modifiedAt()).isEqualTo(STARTS);
    }

    @Test
    void a_published_meeting_is_not_completed_before_it_starts() {
        Meeting meeting = in(MeetingStatus.PUBLISHED);

        assertRefused(() -> meeting.complete(STARTS.minusSeconds(1)), "meeting-not-started", "The meeting starts");
        assertThat(meeting.status()).isEqualTo(MeetingStatus.PUBLISHED);
    }

    @ParameterizedTest
    @EnumSource(
            value = MeetingStatus.class,
            names = {"DRAFT", "CANCELLED", "COMPLETED"})
    void only_a_published_meeting_is_completed(MeetingStatus status) {
        Meeting meeting = in(status);

        assertRefused(
                () -> meeting.complete(ENDS.plusSeconds(60)),
                "illegal-meeting-transition",
                "Cannot complete a meeting that is " + status);
        assertThat(meeting.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(
            value = MeetingStatus.class,
            names = {"DRAFT", "PUBLISHED"})
    void an_edit_that_changes_nothing_is_no_change(MeetingStatus status) {
        Meeting meeting = in(status);
        Instant modified = meeting.modifiedAt();

        assertThat(meeting.edit(details(40), LATER)).isEqualTo(Meeting.Change.NONE);
        assertThat(meeting.modifiedAt()).isEqualTo(modified);
    }

    @ParameterizedTest
    @EnumSource(
            value = MeetingStatus.class,
            names = {"DRAFT", "PUBLISHED"})
    void a_new_title_is_an_update_that_keeps_the_sequence(MeetingStatus status) {
        Meeting meeting = in(status);
        MeetingDetails renamed = withTitle(details(40), "Branschträff Ronneby");

        assertThat(meeting.edit(renamed, LATER)).isEqualTo(Meeting.Change.UPDATED);
        assertThat(meeting.details()).isEqualTo(renamed);
        assertThat(meeting.sequence()).isZero();
        assertThat(meeting.modifiedAt()).isEqualTo(LATER);
    }

    @Test
    void a_published_meeting_moved_in_time_or_place_is_rescheduled_with_a_new_sequence() {
        Meeting meeting = in(MeetingStatus.PUBLISHED);

        MeetingDetails later = withTimes(details(40), STARTS.plus(Duration.ofDays(1)), ENDS.plus(Duration.ofDays(1)));
        assertThat(meeting.edit(later, LATER)).isEqualTo(Meeting.Change.RESCHEDULED);
        assertThat(meeting.sequence()).isEqualTo(1);

        MeetingDetails elsewhere =
                withVenue(later, new MeetingDetails.Venue("Blekinge Tekniska Högskola", "Valhallavägen 1, Karlskrona"));
        assertThat(meeting.edit(elsewhere, LATER)).isEqualTo(Meeting.Change.RESCHEDULED);
        assertThat(meeting.sequence()).isEqualTo(2);
        assertThat(meeting.details()).isEqualTo(elsewhere);
    }

    @Test
    void a_draft_moved_in_time_is_only_updated_as_nobody_has_been_told_yet() {
        Meeting meeting = in(MeetingStatus.DRAFT);

        MeetingDetails later = withTimes(details(40), STARTS.plus(Duration.ofDays(1)), ENDS.plus(Duration.ofDays(1)));

        assertThat(meeting.edit(later, LATER)).isEqualTo(Meeting.Change.UPDATED);
        assertThat(meeting.sequence()).isZero();
    }

    @ParameterizedTest
    @EnumSource(
            value = MeetingStatus.class,
            names = {"CANCELLED", "COMPLETED"})
    void a_cancelled_or_completed_meeting_is_not_edited(MeetingStatus status) {
        Meeting meeting = in(status);
        MeetingDetails before = meeting.details();

        assertRefused(
                () -> meeting.edit(withTitle(before, "Too late"), ENDS.plusSeconds(60)),
                "meeting-not-editable",
                "is " + status);
        assertThat(meeting.details()).isEqualTo(before);
    }

    @Test
    void the_capacity_cannot_drop_below_the_confirmed_seats_but_may_equal_them() {
        Meeting meeting = in(MeetingStatus.PUBLISHED);
        loadedWithSeats(meeting, 25, 3);

        assertRefused(
                () -> meeting.edit(details(24), LATER), "capacity-below-confirmed", "Capacity 24 is below the 25");
        assertThat(meeting.capacity()).isEqualTo(40);

        assertThat(meeting.edit(details(25), LATER)).isEqualTo(Meeting.Change.UPDATED);
        assertThat(meeting.capacity()).isEqualTo(25);
        assertThat(meeting.seatsLeft()).isZero();
    }

    @Test
    void seats_left_are_the_capacity_less_the_confirmed_and_never_negative() {
        Meeting meeting = in(MeetingStatus.PUBLISHED);

        loadedWithSeats(meeting, 15, 0);
        assertThat(meeting.seatsLeft()).isEqualTo(25);

        // The counters come from the database, which may hold more than a lowered capacity in a race.
        loadedWithSeats(meeting, 41, 2);
        assertThat(meeting.seatsLeft()).isZero();
        assertThat(meeting.waitlistLength()).isEqualTo(2);
    }

    @Test
    void a_published_meeting_takes_registrations_from_its_opening_until_its_closing() {
        Meeting meeting = in(MeetingStatus.PUBLISHED);

        assertRefused(
                () -> meeting.checkOpenForRegistration(OPENS.minusSeconds(1)),
                "registration-not-open",
                "Registration for this meeting opens");
        assertThat(meeting.isOpenForRegistration(OPENS.minusSeconds(1))).isFalse();

        meeting.checkOpenForRegistration(OPENS);
        assertThat(meeting.isOpenForRegistration(OPENS)).isTrue();
        meeting.checkOpenForRegistration(CLOSES.minusSeconds(1));
        assertThat(meeting.isOpenForRegistration(CLOSES.minusSeconds(1))).isTrue();

        assertRefused(
                () -> meeting.checkOpenForRegistration(CLOSES),
                "registration-closed",
                "Registration for this meeting closed");
        assertThat(meeting.isOpenForRegistration(CLOSES)).isFalse();
    }

    @Test
    void without_an_opening_time_registration_is_open_from_publication() {
        Meeting meeting = Meeting.plan(withOpening(details(40), null), PLANNED);
        meeting.publish(PLANNED);

        meeting.checkOpenForRegistration(PLANNED);
        assertThat(meeting.isOpenForRegistration(PLANNED)).isTrue();
        assertThat(meeting.registrationOpenChangesAfter(PLANNED)).contains(CLOSES);
    }

    @ParameterizedTest
    @EnumSource(
            value = MeetingStatus.class,
            names = {"DRAFT", "CANCELLED", "COMPLETED"})
    void a_meeting_that_is_not_published_takes_no_registrations_even_inside_the_window(MeetingStatus status) {
        Meeting meeting = in(status);
        Instant inside = OPENS.plus(Duration.ofDays(1));

        assertRefused(
                () -> meeting.checkOpenForRegistration(inside),
                "meeting-" + status.name().toLowerCase(Locale.ROOT),
                "it takes no registrations");
        assertThat(meeting.isOpenForRegistration(inside)).isFalse();
        assertThat(meeting.registrationOpenChangesAfter(inside)).isEmpty();
    }

    @Test
    void the_registration_window_changes_next_at_its_opening_then_at_its_closing_then_never() {
        Meeting meeting = in(MeetingStatus.PUBLISHED);

        assertThat(meeting.registrationOpenChangesAfter(OPENS.minusSeconds(1))).contains(OPENS);
        assertThat(meeting.registrationOpenChangesAfter(OPENS)).contains(CLOSES);
        assertThat(meeting.registrationOpenChangesAfter(CLOSES)).isEmpty();
    }

    /** A meeting brought into {@code status} by the allowed steps only. */
    private static Meeting in(MeetingStatus status) {
        Meeting meeting = Meeting.plan(details(40), PLANNED);
        switch (status) {
            case DRAFT -> {}
            case PUBLISHED -> meeting.publish(PLANNED);
            case CANCELLED -> meeting.cancel("Too few registrations", PLANNED);
            case COMPLETED -> {
                meeting.publish(PLANNED);
                meeting.complete(ENDS);
            }
        }
        assertThat(meeting.status()).isEqualTo(status);
        return meeting;
    }

    private static MeetingDetails details(int capacity) {
        return new MeetingDetails(
                MeetingKind.INDUSTRY_MEETING,
                new LocalizedText("Branschträff Karlskrona", "Industry meeting Karlskrona"),
                new LocalizedText("Höstens branschträff med kommunens näringslivskontor.", null),
                "1080",
                "branschtraff-2030",
                null,
                new MeetingDetails.Venue("Techtank", "Campus Gräsvik 3, Karlskrona"),
                null,
                STARTS,
                ENDS,
                capacity,
                null,
                OPENS,
                CLOSES,
                Audience.PUBLIC,
                false,
                Set.of(FocusArea.DIGITALISATION, FocusArea.AUTOMATION));
    }

    private static MeetingDetails withTitle(MeetingDetails d, String title) {
        return new MeetingDetails(
                d.kind(),
                new LocalizedText(title, null),
                d.description(),
                d.municipalityCode(),
                d.series(),
                d.coOrganisers(),
                d.venue(),
                d.onlineLink(),
                d.startsAt(),
                d.endsAt(),
                d.capacity(),
                d.maxPerCompany(),
                d.registrationOpensAt(),
                d.registrationClosesAt(),
                d.audience(),
                d.approvalRequired(),
                d.focusAreas());
    }

    private static MeetingDetails withTimes(MeetingDetails d, Instant startsAt, Instant endsAt) {
        return new MeetingDetails(
                d.kind(),
                d.title(),
                d.description(),
                d.municipalityCode(),
                d.series(),
                d.coOrganisers(),
                d.venue(),
                d.onlineLink(),
                startsAt,
                endsAt,
                d.capacity(),
                d.maxPerCompany(),
                d.registrationOpensAt(),
                d.registrationClosesAt(),
                d.audience(),
                d.approvalRequired(),
                d.focusAreas());
    }

    private static MeetingDetails withVenue(MeetingDetails d, MeetingDetails.Venue venue) {
        return new MeetingDetails(
                d.kind(),
                d.title(),
                d.description(),
                d.municipalityCode(),
                d.series(),
                d.coOrganisers(),
                venue,
                d.onlineLink(),
                d.startsAt(),
                d.endsAt(),
                d.capacity(),
                d.maxPerCompany(),
                d.registrationOpensAt(),
                d.registrationClosesAt(),
                d.audience(),
                d.approvalRequired(),
                d.focusAreas());
    }

    private static MeetingDetails withOpening(MeetingDetails d, Instant opensAt) {
        return new MeetingDetails(
                d.kind(),
                d.title(),
                d.description(),
                d.municipalityCode(),
                d.series(),
                d.coOrganisers(),
                d.venue(),
                d.onlineLink(),
                d.startsAt(),
                d.endsAt(),
                d.capacity(),
                d.maxPerCompany(),
                opensAt,
                d.registrationClosesAt(),
                d.audience(),
                d.approvalRequired(),
                d.focusAreas());
    }

    /**
     * The seat counters as loading the meeting would find them: only {@link SeatRepository}'s conditional
     * updates write them, so the entity has no setter for them.
     */
    private static void loadedWithSeats(Meeting meeting, int confirmed, int waitlisted) {
        try {
            Field confirmedCount = Meeting.class.getDeclaredField("confirmedCount");
            Field waitlistLength = Meeting.class.getDeclaredField("waitlistLength");
            confirmedCount.setAccessible(true);
            waitlistLength.setAccessible(true);
            confirmedCount.setInt(meeting, confirmed);
            waitlistLength.setInt(meeting, waitlisted);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(Runnable action, String problemType, String detail) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(problemType);
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                })
                .hasMessageContaining(detail);
    }
}
