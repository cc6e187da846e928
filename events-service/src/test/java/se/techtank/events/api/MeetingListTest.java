package se.techtank.events.api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static se.techtank.events.api.MeetingTest.uniqueSeries;
import static se.techtank.events.api.MeetingsApi.PROBLEMS;
import static se.techtank.events.api.MeetingsApi.meeting;
import static se.techtank.events.api.MeetingsApi.plan;
import static se.techtank.events.api.MeetingsApi.published;
import static se.techtank.events.api.MeetingsApi.register;
import static se.techtank.events.api.MeetingsApi.registration;

/**
 * {@code GET /api/v1/meetings}: what each caller sees, the filters, paging and sorting. All tests share
 * one database, so each lists only a series of its own.
 */
@QuarkusTest
class MeetingListTest {

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry metrics;

    @Test
    void anonymous_callers_see_the_published_upcoming_meetings_with_seats_and_waitlist() {
        String series = uniqueSeries();
        String upcoming = published(inSeries(series, 30, "1082"));
        register(null, upcoming, registration("Anna Berg")).statusCode(201);
        register(null, upcoming, registration("Bo Ek")).statusCode(201);
        register(null, upcoming, registration("Cecilia Alm")).statusCode(201);
        planned(inSeries(series, 31, "1082"));
        String past = published(inSeries(series, 32, "1082"));
        moveIntoThePast(past);
        String cancelled = published(inSeries(series, 33, "1082"));
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType("application/json")
                .body(Map.of("reason", "Inställt"))
                .when()
                .post("/api/v1/meetings/" + cancelled + "/cancel")
                .then()
                .statusCode(200);
        assertThat(TestSql.queryForLong(database, "select count(*) from meeting where series = ?", series))
                .isEqualTo(4);

        list(null, Map.of("series", series))
                .statusCode(200)
                .body("items.id", contains(upcoming))
                .body("items[0].status", equalTo("PUBLISHED"))
                .body("items[0].capacity", equalTo(2))
                .body("items[0].confirmedCount", equalTo(2))
                .body("items[0].seatsLeft", equalTo(0))
                .body("items[0].waitlistLength", equalTo(1))
                .body("items[0].timeZone", equalTo("Europe/Stockholm"))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("totalItems", equalTo(1))
                .body("totalPages", equalTo(1));
        // Staff see the same by default: drafts and past meetings only when asked for.
        list(TestTokens.staff(), Map.of("series", series)).body("items.id", contains(upcoming));
        // A window in the past shows the meetings that took place.
        list(null, Map.of("series", series, "from", LocalDate.now().minusDays(7).toString()))
                .body("items.id", contains(past, upcoming));
        list(null, Map.of("series", series, "status", "CANCELLED")).body("items.id", contains(cancelled));
    }

    @Test
    void a_list_is_rendered_once_while_nothing_changes_and_afresh_after_any_change() {
        String series = uniqueSeries();
        String meeting = published(inSeries(series, 30, "1082"));
        register(null, meeting, registration("Anna Berg")).statusCode(201);

        // Asked again with nothing written in between, the list comes from the rendering of the first
        // request (ADR 0010). The outbox relay may still be marking the events sent, hence the await.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double before = renderedListsReused();
            list(null, Map.of("series", series)).body("items[0].confirmedCount", equalTo(1));
            list(null, Map.of("series", series)).body("items[0].confirmedCount", equalTo(1));
            assertThat(renderedListsReused()).isGreaterThan(before);
        });

        // A registration is in the very next list, and so is a change made past the service.
        register(null, meeting, registration("Bo Ek")).statusCode(201);
        list(null, Map.of("series", series))
                .body("items[0].confirmedCount", equalTo(2))
                .body("items[0].seatsLeft", equalTo(0));
        assertThat(TestSql.execute(database, "update meeting set capacity = 5 where id = ?::uuid", meeting))
                .isEqualTo(1);
        list(null, Map.of("series", series)).body("items[0].seatsLeft", equalTo(3));
        // Another caller's view is another list: staff also see the series' drafts when asking for them.
        String draft = planned(inSeries(series, 31, "1082"));
        list(null, Map.of("series", series, "status", "DRAFT")).body("items", empty());
        list(TestTokens.staff(), Map.of("series", series, "status", "DRAFT")).body("items.id", contains(draft));
        list(null, Map.of("series", series, "status", "DRAFT")).body("items", empty());
    }

    @Test
    void the_public_list_and_calendars_answer_304_to_their_etag_until_something_changes() {
        series = uniqueSeries();
        String meeting = published(inSeries(series, 30, "1082"));
        Map<String, String> filter = Map.of("series", series);
        String list = "/api/v1/meetings";
        String feed = "/api/v1/calendar.ics";
        String calendar = "/api/v1/meetings/" + meeting + "/calendar.ics";

        String listTag = list(null, filter)
                .statusCode(200)
                .header("Cache-Control", equalTo("public, no-cache"))
                .header("Vary", allOf(containsString("Authorization"), containsString("Origin")))
                .extract()
                .header("ETag");
        String feedTag = conditional(feed, null).statusCode(200).extract().header("ETag");
        String calendarTag = conditional(calendar, null)
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=300"))
                .extract()
                .header("ETag");
        assertThat(List.of(listTag, feedTag, calendarTag)).allMatch(tag -> tag.matches("\"[A-Za-z0-9_-]{22}\""));

        // Nothing changed: 304, no body, the same tag (also weak, or among others).
        conditional(list, listTag).statusCode(304).body(emptyString()).header("ETag", equalTo(listTag));
        conditional(feed, "W/" + feedTag).statusCode(304).body(emptyString());
        conditional(calendar, "\"other\", " + calendarTag).statusCode(304).body(emptyString());

        // A registration changes the list (seats left); an edit changes the calendars.
        register(null, meeting, registration("Cilla Ek")).statusCode(201);
        String newListTag = conditional(list, listTag)
                .statusCode(200)
                .body("items[0].confirmedCount", equalTo(1))
                .extract()
                .header("ETag");
        assertThat(newListTag).isNotEqualTo(listTag);
        assertThat(TestSql.execute(
                        database,
                        "update meeting set title_sv = 'Ny titel', modified_at = now(), sequence = sequence + 1 where id = ?::uuid",
                        meeting))
                .isEqualTo(1);
        conditional(feed, feedTag).statusCode(200).body(containsString("Ny titel"));
        conditional(calendar, calendarTag).statusCode(200).body(containsString("Ny titel"));
        // A signed-in caller's answer is private to it.
        list(TestTokens.staff(), filter).statusCode(200).header("Cache-Control", equalTo("private, no-cache"));
    }

    @Test
    void a_meeting_answers_304_until_what_it_shows_changes_and_its_tag_still_serves_if_match() {
        series = uniqueSeries();
        String meeting = published(inSeries(series, 30, "1082"));
        String path = "/api/v1/meetings/" + meeting;

        String tag = conditional(path, null)
                .statusCode(200)
                .header("Cache-Control", equalTo("public, no-cache"))
                .extract()
                .header("ETag");
        assertThat(tag).matches("\"\\d+\\.[A-Za-z0-9_-]+\"");
        conditional(path, tag).statusCode(304).body(emptyString()).header("ETag", equalTo(tag));

        // A registration takes a seat: no new version, but a new answer.
        register(null, meeting, registration("Dan Ek")).statusCode(201);
        String afterRegistration = conditional(path, tag)
                .statusCode(200)
                .body("confirmedCount", equalTo(1))
                .extract()
                .header("ETag");
        assertThat(afterRegistration).isNotEqualTo(tag);
        assertThat(afterRegistration.substring(0, afterRegistration.indexOf('.')))
                .isEqualTo(tag.substring(0, tag.indexOf('.')));

        // The tag of the read is what an update sends as If-Match; the update gives a new version.
        Map<String, Object> changed = inSeries(series, 30, "1082");
        changed.put("capacity", 40);
        given().contentType("application/json")
                .header("Authorization", "Bearer " + TestTokens.staff())
                .header("If-Match", afterRegistration)
                .body(changed)
                .when()
                .put(path)
                .then()
                .statusCode(200)
                .body("capacity", equalTo(40));
        conditional(path, afterRegistration).statusCode(200).body("capacity", equalTo(40));
    }

    /** A GET of {@code path} for the test's series (ignored by a meeting's own calendar). */
    private ValidatableResponse conditional(String path, String ifNoneMatch) {
        var request = given().queryParam("series", series);
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return request.when().get(path).then();
    }

    @Test
    void a_list_read_again_changes_when_the_time_alone_closes_a_registration_or_ends_a_meeting() {
        String series = uniqueSeries();
        String closing = published(inSeries(series, 30, "1082"));
        String ending = published(inSeries(series, 31, "1082"));
        // Once the outbox relay has published the two meetings (and committed that), lists are reused again.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double before = renderedListsReused();
            list(null, Map.of("series", series, "page", "1"));
            list(null, Map.of("series", series, "page", "1"));
            assertThat(renderedListsReused()).isGreaterThan(before);
        });
        // Past the service, so that nothing is published (no event, no relay transaction) afterwards: from
        // here on the database snapshot stays the same, and only the time can change the list.
        assertThat(TestSql.execute(
                        database,
                        "update meeting set registration_closes_at = now() + interval '8 seconds' where id = ?::uuid",
                        closing))
                .isEqualTo(1);
        assertThat(TestSql.execute(database, """
                        update meeting set starts_at = now() - interval '1 hour', ends_at = now() + interval '11 seconds',
                            registration_closes_at = now() - interval '2 hours'
                        where id = ?::uuid""", ending)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            double before = renderedListsReused();
            list(null, Map.of("series", series))
                    .body("items.id", contains(ending, closing))
                    .body("items[1].registrationOpen", equalTo(true));
            list(null, Map.of("series", series)).body("items[1].registrationOpen", equalTo(true));
            assertThat(renderedListsReused()).isGreaterThan(before);
        });

        // The same snapshot, but the registration closed: the remembered rendering is not given back.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> list(null, Map.of("series", series))
                        .body("items.id", contains(ending, closing))
                        .body("items[1].registrationOpen", equalTo(false)));
        // Then the meeting that was on: it leaves the list of those not yet over, and the total drops.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> list(null, Map.of("series", series, "size", "1"))
                        .body("items.id", contains(closing))
                        .body("totalItems", equalTo(1)));
    }

    private double renderedListsReused() {
        var counter = metrics.find("snapshot_cache")
                .tags("cache", "meeting-lists", "result", "hit")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void the_list_filters_by_municipality_kind_focus_area_series_and_dates() {
        String series = uniqueSeries();
        Map<String, Object> karlshamn = inSeries(series, 30, "1082");
        karlshamn.put("focusAreas", List.of("AUTOMATION"));
        String first = published(karlshamn);
        Map<String, Object> karlskrona = inSeries(series, 40, "1080");
        karlskrona.put("kind", "CONFERENCE");
        karlskrona.put("focusAreas", List.of("SUSTAINABILITY"));
        String second = published(karlskrona);
        Map<String, Object> workshop = inSeries(series, 50, "1082");
        workshop.put("kind", "WORKSHOP");
        workshop.put("focusAreas", List.of("INNOVATION", "AUTOMATION"));
        String third = published(workshop);
        published(inSeries(uniqueSeries(), 40, "1080")); // another series

        list(null, Map.of("series", series)).body("items.id", contains(first, second, third));
        list(null, Map.of("series", series, "municipality", "1082")).body("items.id", contains(first, third));
        list(null, Map.of("series", series, "kind", "CONFERENCE")).body("items.id", contains(second));
        list(null, Map.of("series", series, "focusArea", "AUTOMATION")).body("items.id", contains(first, third));
        list(null, Map.of("series", series, "focusArea", "COMPETENCE_SUPPLY")).body("items", empty());
        list(null, Map.of("series", series, "municipality", "1082", "kind", "WORKSHOP"))
                .body("items.id", contains(third));
        // from and to are dates in Stockholm, both inclusive.
        list(null, Map.of("series", series, "from", day(40).toString(), "to", day(40).toString()))
                .body("items.id", contains(second));
        list(null, Map.of("series", series, "from", day(35).toString())).body("items.id", contains(second, third));
        list(null, Map.of("series", series, "to", day(40).toString())).body("items.id", contains(first, second));
    }

    @Test
    void the_list_pages_and_sorts() {
        String series = uniqueSeries();
        String[] ids = new String[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = published(inSeries(series, 31 + i, "1082"));
        }

        list(null, Map.of("series", series, "size", "2"))
                .statusCode(200)
                .body("items.id", contains(ids[0], ids[1]))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(3));
        list(null, Map.of("series", series, "size", "2", "page", "2"))
                .body("items.id", contains(ids[4]))
                .body("totalItems", equalTo(5));
        list(null, Map.of("series", series, "sort", "start,desc"))
                .body("items.id", contains(ids[4], ids[3], ids[2], ids[1], ids[0]));
        list(null, Map.of("series", series, "sort", "start,desc", "size", "2", "page", "1"))
                .body("items.id", contains(ids[2], ids[1]));
    }

    @Test
    void bad_parameters_are_400_naming_each() {
        list(null, Map.of("size", "500", "kind", "FOO", "from", "notadate", "municipality", "99"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-request"))
                .body("errors.field", containsInAnyOrder("size", "kind", "from", "municipality"));
        list(null, Map.of("status", "OPEN", "to", "2026-13-01", "focusArea", "ROBOTS", "sort", "title,asc"))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("status", "to", "focusArea", "sort"));
        list(null, Map.of("page", "-1")).statusCode(400).body("errors.field", contains("page"));
    }

    @Test
    void drafts_are_listed_only_to_those_who_manage_them() {
        String series = uniqueSeries();
        String karlshamnDraft = planned(inSeries(series, 30, "1082"));
        String karlskronaDraft = planned(inSeries(series, 31, "1080"));
        String karlshamnPublished = published(inSeries(series, 32, "1082"));

        list(TestTokens.staff(), Map.of("series", series, "status", "DRAFT"))
                .statusCode(200)
                .body("items.id", contains(karlshamnDraft, karlskronaDraft))
                .body("items.status", contains("DRAFT", "DRAFT"));
        list(TestTokens.municipality("1082"), Map.of("series", series, "status", "DRAFT"))
                .statusCode(200)
                .body("items.id", contains(karlshamnDraft));
        list(TestTokens.municipality("1082"), Map.of("series", series, "status", "DRAFT", "municipality", "1082"))
                .statusCode(200)
                .body("items.id", contains(karlshamnDraft));
        list(TestTokens.municipality("1082"), Map.of("series", series, "status", "DRAFT", "municipality", "1080"))
                .statusCode(200)
                .body("items", empty());
        list(TestTokens.municipality("1082"), Map.of("series", series))
                .statusCode(200)
                .body("items.id", contains(karlshamnPublished));
        list(null, Map.of("series", series, "status", "DRAFT"))
                .statusCode(200)
                .body("items", empty())
                .body("totalItems", equalTo(0));
        list(TestTokens.member(UUID.randomUUID()), Map.of("series", series, "status", "DRAFT"))
                .statusCode(200)
                .body("items", empty());
        list(TestTokens.staff(), Map.of("series", series, "status", "DRAFT,PUBLISHED"))
                .body("items.id", contains(karlshamnDraft, karlskronaDraft, karlshamnPublished));
        list(TestTokens.municipality("1080"), Map.of("series", series, "status", "DRAFT,PUBLISHED"))
                .body("items.id", contains(karlskronaDraft, karlshamnPublished));
    }

    /** A meeting of the series starting {@code daysAhead} days ahead at 08:00 Stockholm time, capacity 2. */
    private static Map<String, Object> inSeries(String series, int daysAhead, String municipality) {
        Map<String, Object> body = meeting(2);
        LocalDateTime start = day(daysAhead).atTime(8, 0);
        body.put("series", series);
        body.put("municipalityCode", municipality);
        body.put("start", start.toString());
        body.put("end", start.plusHours(2).toString());
        body.put("registrationCloses", start.minusDays(1).toString());
        return body;
    }

    private static LocalDate day(int daysAhead) {
        return LocalDate.now().plusDays(daysAhead);
    }

    private static String planned(Map<String, Object> body) {
        return plan(TestTokens.staff(), body).statusCode(201).extract().path("id");
    }

    /** The series of the conditional-GET test (its requests carry it). */
    private String series;

    private static ValidatableResponse list(String token, Map<String, String> parameters) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.queryParams(new HashMap<>(parameters))
                .when()
                .get("/api/v1/meetings")
                .then();
    }

    /** Moves the meeting to last week, so that it has taken place. */
    private void moveIntoThePast(String meetingId) {
        assertThat(TestSql.execute(database, """
                        update meeting set starts_at = now() - interval '3 days',
                            ends_at = now() - interval '3 days' + interval '2 hours',
                            registration_closes_at = now() - interval '4 days'
                        where id = ?::uuid""", meetingId)).isEqualTo(1);
    }
}
