package se.techtank.events.messaging.out;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import se.techtank.events.domain.Audience;
import se.techtank.events.domain.CoOrganiser;
import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingDetails;
import se.techtank.events.domain.MeetingKind;
import se.techtank.events.domain.Registration;
import se.techtank.kernel.FocusArea;
import se.techtank.kernel.Language;
import se.techtank.kernel.LocalizedText;
import se.techtank.platform.json.JsonConventions;
import se.techtank.platform.testing.Contracts;
import se.techtank.platform.validation.EmailAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payloads of events.meeting.v1 and events.registration.v1, as {@link MeetingState#of} and {@link
 * RegistrationState#of} build them from the domain and the services' Jackson conventions write them,
 * satisfy contracts/events/; and the fact schemas reject a payload that breaks what the fact promises.
 */
class EventContractsTest {

    private static final ObjectMapper JSON = json();
    private static final String LINK = "https://www.techtank.se/avboka/{id}?token={token}";

    /** Thursday 15 October 2026, 08:00–10:00 in Karlshamn (summer time, +02:00). */
    private static final Instant START = Instant.parse("2026-10-15T06:00:00Z");

    private static final Instant PLANNED = Instant.parse("2026-09-01T07:30:00.123456Z");
    private static final Instant LATER = PLANNED.plus(1, ChronoUnit.DAYS);
    private static final Instant AFTER = START.plus(3, ChronoUnit.HOURS);

    // --- meetings

    @Test
    void every_meeting_fact_describes_the_meeting_it_is_published_with() {
        assertValid("meeting.published", published());
        assertValid("meeting.updated", edited(published(), details(START).capacity() + 10, START));
        assertValid("meeting.rescheduled", edited(published(), 60, START.plus(1, ChronoUnit.DAYS)));
        Meeting cancelled = published();
        cancelled.cancel("För få anmälda", LATER);
        assertValid("meeting.cancelled", cancelled);
        Meeting completed = published();
        completed.complete(AFTER);
        assertValid("meeting.completed", completed);
    }

    @Test
    void a_meeting_with_only_an_online_link_and_none_of_the_optional_fields_is_valid() {
        MeetingDetails full = details(START);
        Meeting online = Meeting.plan(
                new MeetingDetails(
                        MeetingKind.WEBINAR,
                        new LocalizedText("Digitalisering i verkstaden", null),
                        new LocalizedText("Ett webbinarium.", null),
                        "1080",
                        null,
                        null,
                        null,
                        "https://meet.example.se/digitalisering",
                        full.startsAt(),
                        full.endsAt(),
                        500,
                        null,
                        null,
                        full.registrationClosesAt(),
                        Audience.MEMBERS_ONLY,
                        true,
                        null),
                PLANNED);
        online.publish(PLANNED);

        ObjectNode payload = payload(MeetingState.of(online));

        assertThat(payload.has("venue")).isFalse();
        assertThat(payload.has("series")).isFalse();
        assertValid("meeting.published", payload);
        assertInvalid("meeting.published", payload.deepCopy().without("onlineLink"));
    }

    @Test
    void a_meeting_fact_with_the_wrong_status_or_without_its_reason_is_invalid() {
        Meeting cancelled = published();
        cancelled.cancel("För få anmälda", LATER);
        ObjectNode payload = payload(MeetingState.of(cancelled));

        assertInvalid("meeting.cancelled", payload.deepCopy().without("cancellationReason"));
        assertInvalid("meeting.published", payload);
        assertInvalid("meeting.updated", payload);
        assertInvalid("meeting.rescheduled", payload(MeetingState.of(published())));
        assertInvalid("meeting.published", payload(MeetingState.of(published())).put("status", "DRAFT"));
    }

    // --- registrations

    @Test
    void every_registration_fact_describes_the_registration_it_is_published_with() {
        Meeting meeting = published();

        Registration confirmed = registration(meeting);
        confirmed.confirm(LATER);
        assertValid("registration.confirmed", confirmed, meeting);

        Registration waitlisted = registration(meeting);
        waitlisted.waitlist(3, LATER);
        assertValid("registration.waitlisted", waitlisted, meeting);

        Registration pending = registration(meeting);
        pending.pendApproval();
        assertValid("registration.pending-approval", pending, meeting);

        waitlisted.promote(LATER);
        assertValid("registration.promoted", waitlisted, meeting);

        Registration cancelled = registration(meeting);
        cancelled.confirm(LATER);
        cancelled.cancel("CANCELLED_BY_ATTENDEE", LATER);
        assertValid("registration.cancelled", cancelled, meeting);

        Registration declined = registration(meeting);
        declined.pendApproval();
        declined.decline("Mötet är för medlemmarnas produktionschefer.", LATER);
        assertValid("registration.declined", declined, meeting);

        Registration attended = registration(meeting);
        attended.confirm(LATER);
        attended.checkIn("staff-1", START);
        assertValid("registration.attended", attended, meeting);

        meeting.complete(AFTER);
        Registration noShow = registration(meeting);
        noShow.confirm(LATER);
        noShow.markNoShow(AFTER);
        assertValid("registration.no-show", noShow, meeting);

        Registration anonymised = registration(meeting);
        anonymised.confirm(LATER);
        anonymised.anonymise(AFTER);
        assertValid("registration.anonymised", anonymised, meeting);
    }

    @Test
    void a_private_person_on_the_waitlist_carries_no_company() {
        Meeting meeting = published();
        Registration registration = Registration.of(meeting.id(), attendee(), null, null, PLANNED);
        registration.waitlist(1, PLANNED);

        ObjectNode payload = payload(registration, meeting);

        assertThat(payload.has("organisationNumber")).isFalse();
        assertValid("registration.waitlisted", payload);
    }

    @Test
    void a_waitlisted_event_without_its_position_is_invalid_and_no_other_status_has_one() {
        Meeting meeting = published();
        Registration waitlisted = registration(meeting);
        waitlisted.waitlist(2, LATER);
        ObjectNode payload = payload(waitlisted, meeting);

        assertInvalid("registration.waitlisted", payload.deepCopy().without("waitlistPosition"));
        assertInvalid("registration.waitlisted", payload.deepCopy().put("waitlistPosition", 0));
        assertInvalid("registration.confirmed", payload.deepCopy().put("status", "CONFIRMED"));
        assertInvalid("registration.confirmed", payload);
    }

    @Test
    void an_anonymised_event_with_an_attendee_or_a_cancellation_link_is_invalid() {
        Meeting meeting = published();
        Registration live = registration(meeting);
        live.confirm(LATER);
        ObjectNode personal = payload(live, meeting);
        live.anonymise(AFTER);
        ObjectNode anonymous = payload(live, meeting);

        assertThat(anonymous.has("attendee")).isFalse();
        assertThat(anonymous.has("cancellationLink")).isFalse();
        assertInvalid("registration.anonymised", anonymous.deepCopy().set("attendee", personal.get("attendee")));
        assertInvalid(
                "registration.anonymised",
                anonymous.deepCopy().set("cancellationLink", personal.get("cancellationLink")));
        assertInvalid("registration.anonymised", personal);
        assertInvalid("registration.confirmed", personal.deepCopy().without("attendee"));
    }

    @Test
    void a_registration_anonymised_earlier_is_cancelled_with_its_meeting_without_personal_data() {
        Meeting meeting = published();
        Registration registration = registration(meeting);
        registration.confirm(LATER);
        registration.anonymise(LATER);
        meeting.cancel("Inställt på grund av sjukdom", AFTER);
        registration.cancel("MEETING_CANCELLED", AFTER);

        assertValid("registration.cancelled", registration, meeting);
    }

    @Test
    void a_cancelled_or_declined_event_needs_its_reason() {
        Meeting meeting = published();
        Registration cancelled = registration(meeting);
        cancelled.confirm(LATER);
        cancelled.cancel("CANCELLED_BY_ORGANISER", LATER);
        ObjectNode payload = payload(cancelled, meeting);

        assertInvalid("registration.cancelled", payload.deepCopy().without("cancellationReason"));
        assertInvalid("registration.cancelled", payload.deepCopy().put("cancellationReason", "Because"));
        assertInvalid("registration.declined", payload);
    }

    // --- examples

    private static Meeting published() {
        Meeting meeting = Meeting.plan(details(START), PLANNED);
        meeting.publish(PLANNED);
        return meeting;
    }

    private static Meeting edited(Meeting meeting, int capacity, Instant start) {
        MeetingDetails before = meeting.details();
        meeting.edit(
                new MeetingDetails(
                        before.kind(),
                        before.title(),
                        before.description(),
                        before.municipalityCode(),
                        before.series(),
                        before.coOrganisers(),
                        before.venue(),
                        before.onlineLink(),
                        start,
                        start.plus(2, ChronoUnit.HOURS),
                        capacity,
                        before.maxPerCompany(),
                        before.registrationOpensAt(),
                        before.registrationClosesAt(),
                        before.audience(),
                        before.approvalRequired(),
                        before.focusAreas()),
                LATER);
        return meeting;
    }

    private static MeetingDetails details(Instant start) {
        return new MeetingDetails(
                MeetingKind.INDUSTRY_MEETING,
                new LocalizedText("Branschträff Karlshamn", "Industry meeting Karlshamn"),
                new LocalizedText("Frukost och studiebesök.", null),
                "1082",
                "Branschträffar hösten 2026",
                List.of(
                        new CoOrganiser("Näringslivskontoret Karlshamn", "naringsliv@karlshamn.example.se"),
                        new CoOrganiser("Almi Blekinge", null)),
                new MeetingDetails.Venue("Väggaparken konferens", "Väggavägen 1, 374 35 Karlshamn"),
                null,
                start,
                start.plus(2, ChronoUnit.HOURS),
                60,
                3,
                PLANNED,
                start.minus(1, ChronoUnit.DAYS),
                Audience.PUBLIC,
                false,
                Set.of(FocusArea.SUSTAINABILITY, FocusArea.AUTOMATION));
    }

    private static Registration registration(Meeting meeting) {
        return Registration.of(
                meeting.id(),
                attendee(),
                new Registration.CompanyRef("556036-0793", "Olofströms Pressverktyg AB", "1060"),
                null,
                PLANNED);
    }

    private static Registration.Attendee attendee() {
        return new Registration.Attendee(
                "Anna Berg", EmailAddress.of("Anna.Berg@Pressverktyg.example.se"), Language.SV, null, null, true);
    }

    // --- JSON and schemas

    private static ObjectNode payload(Object state) {
        try {
            return (ObjectNode) JSON.readTree(JSON.writeValueAsString(state));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode payload(Registration registration, Meeting meeting) {
        return payload(RegistrationState.of(registration, meeting, link(registration)));
    }

    /** As CancellationLinks makes it. */
    private static String link(Registration registration) {
        return LINK.replace("{id}", registration.id().toString())
                .replace("{token}", URLEncoder.encode(registration.cancellationToken(), StandardCharsets.UTF_8));
    }

    private static void assertValid(String event, Meeting meeting) {
        assertValid(event, payload(MeetingState.of(meeting)));
    }

    private static void assertValid(String event, Registration registration, Meeting meeting) {
        assertValid(event, payload(registration, meeting));
    }

    private static void assertValid(String event, ObjectNode payload) {
        Contracts.assertValid(schema(event), payload.toString());
    }

    private static void assertInvalid(String event, ObjectNode payload) {
        assertThat(Contracts.violations(schema(event), payload.toString()))
                .as("violations of %s by %s", event, payload)
                .isNotEmpty();
    }

    private static Path schema(String event) {
        return Contracts.root().resolve("contracts/events/" + event + ".v1.json");
    }

    /** As the services write payloads: Quarkus' modules, then the platform's conventions (nulls left out). */
    private static ObjectMapper json() {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
        new JsonConventions().customize(mapper);
        return mapper;
    }
}
