package se.techtank.events.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static se.techtank.events.api.MeetingsApi.MEETING_TOPIC;
import static se.techtank.events.api.MeetingsApi.PROBLEMS;
import static se.techtank.events.api.MeetingsApi.REGISTRATION_TOPIC;
import static se.techtank.events.api.MeetingsApi.meeting;
import static se.techtank.events.api.MeetingsApi.plan;
import static se.techtank.events.api.MeetingsApi.publish;
import static se.techtank.events.api.MeetingsApi.published;
import static se.techtank.events.api.MeetingsApi.read;
import static se.techtank.events.api.MeetingsApi.register;
import static se.techtank.events.api.MeetingsApi.registration;

/**
 * Planning meetings (Stockholm local time, defaults, the rules between fields) and their lifecycle DRAFT →
 * PUBLISHED → COMPLETED or → CANCELLED, with the events each step publishes on {@code events.meeting.v1}.
 */
@QuarkusTest
class MeetingTest extends WatchesTopics {

    private static final String EVENT = "se.techtank.events.meeting.";
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final int NEXT_YEAR = LocalDate.now().getYear() + 1;

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer meetingTopic = watch(MEETING_TOPIC);
    private final KafkaTestConsumer registrationTopic = watch(REGISTRATION_TOPIC);

    // --- Planning ---------------------------------------------------------------------------------------

    @Test
    void staff_plan_a_summer_meeting_as_a_draft_in_stockholm_time_with_the_defaults() {
        Map<String, Object> body = meeting(40);
        body.put("start", NEXT_YEAR + "-07-15T09:00");
        body.put("end", NEXT_YEAR + "-07-15T16:00");
        body.remove("registrationCloses");

        var created = plan(TestTokens.staff(), body)
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("DRAFT"))
                .body("kind", equalTo("INDUSTRY_MEETING"))
                .body("title.sv", equalTo("Branschträff Karlshamn"))
                .body("municipalityCode", equalTo("1082"))
                .body("start", equalTo(NEXT_YEAR + "-07-15T09:00:00+02:00"))
                .body("end", equalTo(NEXT_YEAR + "-07-15T16:00:00+02:00"))
                .body("registrationCloses", equalTo(NEXT_YEAR + "-07-15T09:00:00+02:00"))
                .body("registrationOpens", nullValue())
                .body("timeZone", equalTo("Europe/Stockholm"))
                .body("capacity", equalTo(40))
                .body("confirmedCount", equalTo(0))
                .body("seatsLeft", equalTo(40))
                .body("waitlistLength", equalTo(0))
                .body("audience", equalTo("PUBLIC"))
                .body("approvalRequired", equalTo(false))
                .body("registrationOpen", equalTo(false))
                .body("focusAreas", contains("AUTOMATION", "DIGITALISATION"))
                .body("coOrganisers[0].email", equalTo("naringsliv@karlshamn.example.se"))
                .body("venue.name", equalTo("Väggaparken konferens"))
                .body("sequence", equalTo(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/meetings/" + id);

        assertThat(row(id, "status || ' ' || audience || ' ' || approval_required || ' ' || capacity"))
                .isEqualTo("DRAFT PUBLIC false 40");
        assertThat(row(
                        id,
                        "(starts_at = timestamptz '" + NEXT_YEAR + "-07-15T07:00:00Z')"
                                + " and registration_closes_at = starts_at and registration_opens_at is null"))
                .isEqualTo("t");
        String created0 = created.header("ETag");
        read(TestTokens.staff(), id)
                .statusCode(200)
                // The same version, with the fingerprint of what the read shows.
                .header("ETag", startsWith(created0.substring(0, created0.length() - 1) + "."))
                .body("status", equalTo("DRAFT"));
        // Drafts are not announced.
        meetingTopic.assertNoEvent(e -> id.equals(e.key()), QUIET);
    }

    @Test
    void a_winter_meeting_shows_the_winter_offset() {
        Map<String, Object> body = meeting(15);
        body.put("start", NEXT_YEAR + "-01-20T18:00");
        body.put("end", NEXT_YEAR + "-01-20T20:30");
        body.put("registrationOpens", (NEXT_YEAR - 1) + "-12-01T09:00");
        body.put("registrationCloses", NEXT_YEAR + "-01-19T23:59");

        String id = plan(TestTokens.staff(), body)
                .statusCode(201)
                .body("start", equalTo(NEXT_YEAR + "-01-20T18:00:00+01:00"))
                .body("end", equalTo(NEXT_YEAR + "-01-20T20:30:00+01:00"))
                .body("registrationOpens", equalTo((NEXT_YEAR - 1) + "-12-01T09:00:00+01:00"))
                .body("registrationCloses", equalTo(NEXT_YEAR + "-01-19T23:59:00+01:00"))
                .body("timeZone", equalTo("Europe/Stockholm"))
                .body("seatsLeft", equalTo(15))
                .extract()
                .path("id");

        assertThat(row(id, "starts_at = timestamptz '" + NEXT_YEAR + "-01-20T17:00:00Z'"))
                .isEqualTo("t");
        meetingTopic.assertNoEvent(e -> id.equals(e.key()), QUIET);
    }

    // --- Validation -------------------------------------------------------------------------------------

    @Test
    void rules_between_fields_are_422_naming_the_field_and_nothing_is_stored() {
        String series = uniqueSeries();

        assertRuleBroken(valid(series, "end", NEXT_YEAR + "-09-15T08:00"), "end");
        assertRuleBroken(valid(series, "registrationCloses", NEXT_YEAR + "-09-15T10:00"), "registrationCloses");
        assertRuleBroken(valid(series, "registrationOpens", NEXT_YEAR + "-09-15T00:00"), "registrationOpens");
        Map<String, Object> nowhere = valid(series, "venue", null);
        nowhere.remove("onlineLink");
        assertRuleBroken(nowhere, "venue");
        // 02:30 on the last Sunday of March does not exist in Stockholm: the clocks go from 02:00 to 03:00.
        Map<String, Object> inTheGap = valid(series, "start", "2027-03-28T02:30");
        inTheGap.put("end", "2027-03-28T05:00");
        inTheGap.remove("registrationCloses");
        assertRuleBroken(inTheGap, "start");

        assertThat(meetingsInSeries(series)).isZero();
    }

    @Test
    void times_with_an_offset_or_z_land_at_the_local_time_and_what_is_read_can_be_sent_back() {
        String series = uniqueSeries();
        // A browser's new Date(...).toISOString(): 07:00 UTC is 08:00 in Stockholm in January (+01:00) and
        // 06:00 UTC is 08:00 in September (+02:00).
        Map<String, Object> body = valid(series, "start", NEXT_YEAR + "-01-14T07:00:00.000Z");
        body.put("end", NEXT_YEAR + "-01-14T10:00:00+01:00");
        body.put("registrationCloses", NEXT_YEAR + "-01-13T22:59:00Z");
        String id = planned(body);
        assertThat(row(
                        id,
                        "to_char(starts_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD\"T\"HH24:MI') || ' ' "
                                + "|| to_char(ends_at at time zone 'Europe/Stockholm', 'HH24:MI')"))
                .isEqualTo(NEXT_YEAR + "-01-14T08:00 10:00");

        // What a GET returns goes back unchanged through PUT with its If-Match: same times, no 400.
        Map<String, Object> read = read(TestTokens.staff(), id)
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        assertThat(read.get("start")).isEqualTo(NEXT_YEAR + "-01-14T08:00:00+01:00");
        Map<String, Object> again = new HashMap<>(body);
        again.put("start", read.get("start"));
        again.put("end", read.get("end"));
        again.put("registrationCloses", read.get("registrationCloses"));
        update(TestTokens.staff(), id, etag(id), again).statusCode(200).body("start", equalTo(read.get("start")));
        assertThat(row(id, "to_char(starts_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD\"T\"HH24:MI')"))
                .isEqualTo(NEXT_YEAR + "-01-14T08:00");
    }

    @Test
    void a_value_of_the_wrong_type_names_the_field_and_what_it_must_be_without_java_names() {
        String series = uniqueSeries();

        plan(TestTokens.staff(), valid(series, "start", "next tuesday"))
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-json"))
                .body("errors.field", contains("start"))
                .body("errors[0].message", startsWith("must be a date and time"))
                .body(not(containsString("LocalDateTime")));
        plan(TestTokens.staff(), valid(series, "capacity", "many"))
                .statusCode(400)
                .body("errors.field", contains("capacity"))
                .body("errors[0].message", equalTo("must be a whole number"));
        plan(TestTokens.staff(), valid(series, "kind", "PARTY"))
                .statusCode(400)
                .body("errors.field", contains("kind"))
                .body("errors[0].message", startsWith("must be one of INDUSTRY_MEETING, "))
                .body(not(containsString("MeetingKind")));
        plan(TestTokens.staff(), valid(series, "title", "Branschträff"))
                .statusCode(400)
                .body("errors.field", contains("title"))
                .body("errors[0].message", equalTo("must be an object"))
                .body(not(containsString("se.techtank")));

        assertThat(meetingsInSeries(series)).isZero();
    }

    @Test
    void field_rules_are_422_naming_the_field_and_nothing_is_stored() {
        String series = uniqueSeries();

        assertRuleBroken(valid(series, "capacity", 0), "capacity");
        assertRuleBroken(valid(series, "title", Map.of("en", "Only English")), "title.sv");
        assertRuleBroken(valid(series, "municipalityCode", "9999"), "municipalityCode");
        assertRuleBroken(
                valid(series, "coOrganisers", List.of(Map.of("name", "Näringslivskontoret", "email", "not-an-email"))),
                "coOrganisers[0].email");

        assertThat(meetingsInSeries(series)).isZero();
    }

    @Test
    void field_errors_and_broken_rules_between_fields_are_listed_together() {
        String series = uniqueSeries();
        Map<String, Object> body = valid(series, "capacity", 0);
        body.put("end", NEXT_YEAR + "-09-15T08:00");
        body.put("municipalityCode", "9999");
        body.remove("venue");
        body.remove("onlineLink");

        plan(TestTokens.staff(), body)
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", containsInAnyOrder("capacity", "end", "municipalityCode", "venue"));
        assertThat(meetingsInSeries(series)).isZero();
    }

    @Test
    void a_retried_plan_with_its_idempotency_key_plans_one_meeting() {
        String series = uniqueSeries();
        Map<String, Object> body = valid(series, "capacity", 40);
        String key = UUID.randomUUID().toString();

        String id = planWithKey(key, body).statusCode(201).extract().path("id");
        planWithKey(key, body)
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(id));

        assertThat(meetingsInSeries(series)).isEqualTo(1);
    }

    private static io.restassured.response.ValidatableResponse planWithKey(String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/meetings")
                .then();
    }

    @Test
    void an_online_meeting_needs_no_venue() {
        Map<String, Object> body = valid(uniqueSeries(), "venue", null);
        body.put("onlineLink", "https://meet.example.se/webbinarium");
        body.put("kind", "WEBINAR");

        String id = plan(TestTokens.staff(), body)
                .statusCode(201)
                .body("venue", nullValue())
                .body("onlineLink", equalTo("https://meet.example.se/webbinarium"))
                .extract()
                .path("id");
        assertThat(row(id, "coalesce(venue_name, '-') || ' ' || online_link"))
                .isEqualTo("- https://meet.example.se/webbinarium");
    }

    @Test
    void unreadable_bodies_are_400() {
        String series = uniqueSeries();

        plan(TestTokens.staff(), valid(series, "colour", "blue"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unknown-field"))
                .body("errors.field", contains("colour"));
        plan(TestTokens.staff(), valid(series, "kind", "PARTY"))
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-json"))
                .body("errors.field", contains("kind"));
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"WORKSHOP\", \"title\": ")
                .when()
                .post("/api/v1/meetings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "malformed-json"));

        assertThat(meetingsInSeries(series)).isZero();
    }

    // --- Publishing and editing -------------------------------------------------------------------------

    @Test
    void publishing_makes_the_meeting_public_and_publishes_meeting_published() {
        String id = planned(meeting(30));

        publish(TestTokens.staff(), id)
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("PUBLISHED"))
                .body("registrationOpen", equalTo(true));

        assertThat(row(id, "status")).isEqualTo("PUBLISHED");
        read(null, id).statusCode(200).body("status", equalTo("PUBLISHED"));
        ReceivedEvent event = awaitMeetingEvent(id, "published");
        assertThat(event.key()).isEqualTo(id);
        assertThat(event.ceSubject()).isEqualTo(id);
        assertThat(event.header("ce_dataschema"))
                .isEqualTo("https://api.techtank.se/contracts/events/meeting.published.v1.json");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("meetingId").asText()).isEqualTo(id);
        assertThat(event.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(event.json().get("capacity").asInt()).isEqualTo(30);
        assertThat(event.json().get("seatsLeft").asInt()).isEqualTo(30);
        assertThat(event.json().get("timeZone").asText()).isEqualTo("Europe/Stockholm");
        assertThat(event.json().at("/title/sv").asText()).isEqualTo("Branschträff Karlshamn");
    }

    @Test
    void publishing_twice_is_a_conflict_naming_the_state() {
        String id = published(meeting(10));
        awaitMeetingEvent(id, "published");

        publish(TestTokens.staff(), id)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "illegal-meeting-transition"))
                .body("detail", containsString("PUBLISHED"));

        assertThat(row(id, "status")).isEqualTo("PUBLISHED");
        meetingTopic.assertNoEvent(e -> id.equals(e.key()), QUIET);
    }

    @Test
    void changing_the_title_of_a_published_meeting_publishes_meeting_updated() {
        Map<String, Object> body = meeting(25);
        String id = published(body);
        String etag = etag(id);

        body.put("title", Map.of("sv", "Branschträff Karlshamn – automation", "en", "Industry meeting"));
        update(TestTokens.staff(), id, etag, body)
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("title.sv", equalTo("Branschträff Karlshamn – automation"))
                .body("sequence", equalTo(0));

        assertThat(row(id, "title_sv || ' / ' || sequence")).isEqualTo("Branschträff Karlshamn – automation / 0");
        ReceivedEvent event = awaitMeetingEvent(id, "updated");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().at("/title/sv").asText()).isEqualTo("Branschträff Karlshamn – automation");
        assertThat(event.json().get("sequence").asInt()).isZero();
        meetingTopic.assertNoEvent(e -> id.equals(e.key()) && (EVENT + "rescheduled").equals(e.ceType()), QUIET);
    }

    @Test
    void moving_a_published_meeting_reschedules_it_and_raises_its_sequence() {
        Map<String, Object> body = meeting(25);
        body.put("start", NEXT_YEAR + "-10-14T08:00");
        body.put("end", NEXT_YEAR + "-10-14T10:00");
        body.put("registrationCloses", NEXT_YEAR + "-10-12T23:59");
        String id = published(body);

        body.put("start", NEXT_YEAR + "-10-15T13:00");
        body.put("end", NEXT_YEAR + "-10-15T15:30");
        update(TestTokens.staff(), id, etag(id), body)
                .statusCode(200)
                .body("start", equalTo(NEXT_YEAR + "-10-15T13:00:00+02:00"))
                .body("end", equalTo(NEXT_YEAR + "-10-15T15:30:00+02:00"))
                .body("sequence", equalTo(1));

        assertThat(row(id, "sequence || ' ' || (starts_at = timestamptz '" + NEXT_YEAR + "-10-15T11:00:00Z')"))
                .isEqualTo("1 true");
        ReceivedEvent event = awaitMeetingEvent(id, "rescheduled");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("sequence").asInt()).isEqualTo(1);
        assertThat(event.json().get("start").asText()).isEqualTo(NEXT_YEAR + "-10-15T13:00:00+02:00");
        meetingTopic.assertNoEvent(e -> id.equals(e.key()) && (EVENT + "updated").equals(e.ceType()), QUIET);
    }

    @Test
    void a_stale_or_missing_if_match_is_refused_and_the_meeting_kept() {
        Map<String, Object> body = meeting(20);
        String id = published(body);
        String etag = etag(id);
        body.put("title", Map.of("sv", "Första ändringen"));
        update(TestTokens.staff(), id, etag, body).statusCode(200);

        body.put("title", Map.of("sv", "Andra ändringen"));
        update(TestTokens.staff(), id, etag, body)
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "stale-version"));
        update(TestTokens.staff(), id, null, body)
                .statusCode(428)
                .body("type", equalTo(PROBLEMS + "if-match-required"));

        assertThat(row(id, "title_sv")).isEqualTo("Första ändringen");
        read(TestTokens.staff(), id).body("title.sv", equalTo("Första ändringen"));
    }

    @Test
    void capacity_below_the_confirmed_registrations_is_refused() {
        Map<String, Object> body = meeting(2);
        String id = published(body);
        register(null, id, registration("Anna Berg")).statusCode(201).body("status", equalTo("CONFIRMED"));
        register(null, id, registration("Bo Ek")).statusCode(201).body("status", equalTo("CONFIRMED"));

        body.put("capacity", 1);
        update(TestTokens.staff(), id, etag(id), body)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "capacity-below-confirmed"))
                .body("detail", containsString("2"));

        assertThat(row(id, "capacity || '/' || confirmed_count")).isEqualTo("2/2");
        meetingTopic.assertNoEvent(e -> id.equals(e.key()) && (EVENT + "updated").equals(e.ceType()), QUIET);
    }

    @Test
    void a_raised_capacity_takes_as_many_from_the_waitlist_as_fit() {
        Map<String, Object> body = meeting(1);
        String id = published(body);
        String first = registered(id, "Anna Berg", "CONFIRMED");
        String second = registered(id, "Bo Ek", "WAITLISTED");
        String third = registered(id, "Cecilia Alm", "WAITLISTED");
        String fourth = registered(id, "Dan Fors", "WAITLISTED");
        assertThat(registrationRow(fourth, "waitlist_position")).isEqualTo("3");

        body.put("capacity", 3);
        update(TestTokens.staff(), id, etag(id), body)
                .statusCode(200)
                .body("capacity", equalTo(3))
                .body("confirmedCount", equalTo(3))
                .body("seatsLeft", equalTo(0))
                .body("waitlistLength", equalTo(1));

        assertThat(registrationRow(first, "status")).isEqualTo("CONFIRMED");
        assertThat(registrationRow(second, "status || ' ' || coalesce(waitlist_position, 0)"))
                .isEqualTo("CONFIRMED 0");
        assertThat(registrationRow(third, "status || ' ' || coalesce(waitlist_position, 0)"))
                .isEqualTo("CONFIRMED 0");
        assertThat(registrationRow(fourth, "status || ' ' || waitlist_position"))
                .isEqualTo("WAITLISTED 1");
        assertThat(row(id, "confirmed_count || '/' || waitlist_length")).isEqualTo("3/1");

        List<ReceivedEvent> promoted = registrationTopic.awaitEvents(
                2,
                e -> "se.techtank.events.registration.promoted".equals(e.ceType()) && isAnyOf(e, second, third),
                KafkaTestConsumer.DEFAULT_TIMEOUT);
        assertThat(promoted).extracting(ReceivedEvent::key).containsExactlyInAnyOrder(second, third);
        assertThat(promoted).allSatisfy(e -> {
            Contracts.assertValid(e.header("ce_dataschema"), e.value());
            assertThat(e.json().get("status").asText()).isEqualTo("CONFIRMED");
        });
        ReceivedEvent updated = awaitMeetingEvent(id, "updated");
        assertThat(updated.json().get("capacity").asInt()).isEqualTo(3);
        assertThat(updated.json().get("waitlistLength").asInt()).isEqualTo(1);
        registrationTopic.assertNoEvent(
                e -> fourth.equals(e.key()) && "se.techtank.events.registration.promoted".equals(e.ceType()), QUIET);
    }

    // --- Cancelling -------------------------------------------------------------------------------------

    @Test
    void cancelling_a_published_meeting_cancels_its_registrations_and_publishes_meeting_cancelled() {
        String id = published(meeting(1));
        String confirmed = registered(id, "Erik Svensson", "CONFIRMED");
        String waitlisted = registered(id, "Fia Holm", "WAITLISTED");

        command(id, "cancel", Map.of("reason", "  För få anmälda  "))
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("För få anmälda"))
                .body("confirmedCount", equalTo(0))
                .body("waitlistLength", equalTo(0))
                .body("registrationOpen", equalTo(false));

        assertThat(row(id, "status || ' ' || cancellation_reason || ' ' || confirmed_count || ' ' || waitlist_length"))
                .isEqualTo("CANCELLED För få anmälda 0 0");
        for (String registrationId : List.of(confirmed, waitlisted)) {
            assertThat(registrationRow(registrationId, "status || ' ' || cancellation_reason"))
                    .isEqualTo("CANCELLED MEETING_CANCELLED");
            given().auth()
                    .oauth2(TestTokens.staff())
                    .when()
                    .get("/api/v1/registrations/" + registrationId)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CANCELLED"))
                    .body("cancellationReason", equalTo("MEETING_CANCELLED"))
                    .body("cancellationLink", containsString("/avboka?id=" + registrationId + "&token="));
        }
        ReceivedEvent event = awaitMeetingEvent(id, "cancelled");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(event.json().get("cancellationReason").asText()).isEqualTo("För få anmälda");
        List<ReceivedEvent> cancelled = registrationTopic.awaitEvents(
                2,
                e -> "se.techtank.events.registration.cancelled".equals(e.ceType())
                        && isAnyOf(e, confirmed, waitlisted),
                KafkaTestConsumer.DEFAULT_TIMEOUT);
        assertThat(cancelled).allSatisfy(e -> {
            Contracts.assertValid(e.header("ce_dataschema"), e.value());
            assertThat(e.json().at("/meeting/status").asText()).isEqualTo("CANCELLED");
        });
    }

    @Test
    void cancelling_twice_is_a_conflict_and_a_reason_is_required() {
        String id = published(meeting(10));
        awaitMeetingEvent(id, "published");

        command(id, "cancel", Map.of("reason", " "))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains("reason"));
        assertThat(row(id, "status")).isEqualTo("PUBLISHED");

        command(id, "cancel", Map.of("reason", "Lokalen är inte tillgänglig")).statusCode(200);
        command(id, "cancel", Map.of("reason", "Igen"))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-meeting-transition"))
                .body("detail", containsString("CANCELLED"));

        assertThat(row(id, "cancellation_reason")).isEqualTo("Lokalen är inte tillgänglig");
        awaitMeetingEvent(id, "cancelled");
        meetingTopic.assertNoEvent(e -> id.equals(e.key()), QUIET);
    }

    @Test
    void cancelling_a_draft_announces_nothing() {
        String id = planned(meeting(10));

        command(id, "cancel", Map.of("reason", "Planerades av misstag"))
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));

        assertThat(row(id, "status")).isEqualTo("CANCELLED");
        meetingTopic.assertNoEvent(e -> id.equals(e.key()), QUIET);
    }

    // --- Completing -------------------------------------------------------------------------------------

    @Test
    void a_meeting_cannot_be_completed_before_it_starts() {
        String id = published(meeting(10));

        command(id, "complete", null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "meeting-not-started"));

        assertThat(row(id, "status")).isEqualTo("PUBLISHED");
        command(planned(meeting(10)), "complete", null)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-meeting-transition"))
                .body("detail", containsString("DRAFT"));
    }

    @Test
    void completing_a_meeting_that_took_place_marks_the_absent_as_no_shows_and_publishes_meeting_completed() {
        Map<String, Object> body = meeting(2);
        String id = published(body);
        String present = registered(id, "Gun Isaksson", "CONFIRMED");
        String absent = registered(id, "Hans Jonsson", "CONFIRMED");
        String waiting = registered(id, "Ida Karlsson", "WAITLISTED");
        String code =
                TestSql.queryForString(database, "select check_in_code from registration where id = ?::uuid", present);
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .when()
                .post("/api/v1/meetings/" + id + "/check-ins")
                .then()
                .statusCode(200)
                .body("status", equalTo("ATTENDED"));
        moveIntoThePast(id);

        command(id, "complete", null)
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("COMPLETED"));

        assertThat(row(id, "status || ' ' || waitlist_length")).isEqualTo("COMPLETED 0");
        assertThat(registrationRow(present, "status")).isEqualTo("ATTENDED");
        assertThat(registrationRow(absent, "status")).isEqualTo("NO_SHOW");
        assertThat(registrationRow(
                        waiting, "status || ' ' || cancellation_reason || ' ' || (waitlist_position is null)"))
                .isEqualTo("CANCELLED MEETING_COMPLETED true");
        ReceivedEvent event = awaitMeetingEvent(id, "completed");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("status").asText()).isEqualTo("COMPLETED");
        ReceivedEvent noShow = registrationTopic.awaitEvent(
                e -> absent.equals(e.key()) && "se.techtank.events.registration.no-show".equals(e.ceType()));
        Contracts.assertValid(noShow.header("ce_dataschema"), noShow.value());
        assertThat(noShow.json().get("status").asText()).isEqualTo("NO_SHOW");
        registrationTopic.awaitEvent(
                e -> waiting.equals(e.key()) && "se.techtank.events.registration.cancelled".equals(e.ceType()));
        registrationTopic.assertNoEvent(
                e -> present.equals(e.key()) && "se.techtank.events.registration.no-show".equals(e.ceType()), QUIET);
    }

    @Test
    void a_completed_meeting_is_history_and_cannot_be_changed() {
        Map<String, Object> body = meeting(10);
        String id = published(body);
        moveIntoThePast(id);
        command(id, "complete", null).statusCode(200);

        body.put("title", Map.of("sv", "Ändrad i efterhand"));
        update(TestTokens.staff(), id, etag(id), body)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "meeting-not-editable"))
                .body("detail", containsString("COMPLETED"));
        command(id, "cancel", Map.of("reason", "För sent"))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-meeting-transition"));

        assertThat(row(id, "status || ' ' || title_sv")).isEqualTo("COMPLETED Branschträff Karlshamn");
    }

    // --- Helpers ----------------------------------------------------------------------------------------

    /** A valid body, a year ahead, in a series of the test's own, with one field set (null removes it). */
    private static Map<String, Object> valid(String series, String field, Object value) {
        Map<String, Object> body = meeting(20);
        body.put("series", series);
        body.put("start", NEXT_YEAR + "-09-15T09:00");
        body.put("end", NEXT_YEAR + "-09-15T12:00");
        body.put("registrationCloses", NEXT_YEAR + "-09-14T23:59");
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return body;
    }

    private static void assertRuleBroken(Map<String, Object> body, String field) {
        plan(TestTokens.staff(), body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", contains(field));
    }

    static String uniqueSeries() {
        return "Test " + UUID.randomUUID();
    }

    private static String planned(Map<String, Object> body) {
        return plan(TestTokens.staff(), body).statusCode(201).extract().path("id");
    }

    /** Registers a new person and checks the status the registration got; returns its id. */
    private static String registered(String meetingId, String name, String expectedStatus) {
        return register(null, meetingId, registration(name))
                .statusCode(201)
                .body("status", equalTo(expectedStatus))
                .extract()
                .path("id");
    }

    private static String etag(String meetingId) {
        return read(TestTokens.staff(), meetingId).statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse update(String token, String meetingId, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(new HashMap<>(body));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/meetings/" + meetingId).then();
    }

    private static ValidatableResponse command(String meetingId, String action, Object body) {
        var request = given().auth().oauth2(TestTokens.staff());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when()
                .post("/api/v1/meetings/" + meetingId + "/" + action)
                .then();
    }

    /** Moves the meeting to yesterday, so that it has taken place. */
    private void moveIntoThePast(String meetingId) {
        assertThat(TestSql.execute(database, """
                        update meeting set starts_at = now() - interval '1 day',
                            ends_at = now() - interval '1 day' + interval '2 hours',
                            registration_closes_at = now() - interval '2 days'
                        where id = ?::uuid""", meetingId)).isEqualTo(1);
    }

    private ReceivedEvent awaitMeetingEvent(String meetingId, String fact) {
        return meetingTopic.awaitEvent(e -> meetingId.equals(e.key()) && (EVENT + fact).equals(e.ceType()));
    }

    private static boolean isAnyOf(ReceivedEvent event, String... keys) {
        return List.of(keys).contains(event.key());
    }

    private String row(String meetingId, String expression) {
        return TestSql.queryForString(database, "select " + expression + " from meeting where id = ?::uuid", meetingId);
    }

    private String registrationRow(String registrationId, String expression) {
        return TestSql.queryForString(
                database, "select " + expression + " from registration where id = ?::uuid", registrationId);
    }

    private long meetingsInSeries(String series) {
        return TestSql.queryForLong(database, "select count(*) from meeting where series = ?", series);
    }
}
