package se.techtank.events.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static se.techtank.events.api.MeetingsApi.publishedMeeting;
import static se.techtank.events.api.MeetingsApi.registration;
import static se.techtank.events.api.MeetingsApi.tokenOf;

/**
 * The capacity is exact under concurrency: 200 people register at the same moment for 20 seats, then 5
 * cancel at the same moment. The database decides; the test counts rows.
 */
@QuarkusTest
class CapacityConcurrencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry metrics;

    @TestHTTPResource("/")
    URI base;

    @Test
    void two_hundred_parallel_registrations_for_twenty_seats_confirm_exactly_twenty() throws Exception {
        String meetingId = publishedMeeting(20);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        List<JsonNode> answers = new ArrayList<>();
        for (HttpResponse<String> response : rush(meetingId, 200, "Parallell Person", -1, () -> {})) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            answers.add(JSON.readTree(response.body()));
        }

        assertThat(answers.stream().filter(a -> a.get("status").asText().equals("CONFIRMED")))
                .hasSize(20);
        assertThat(answers.stream()
                        .filter(a -> a.get("status").asText().equals("WAITLISTED"))
                        .map(a -> a.get("waitlistPosition").asInt())
                        .sorted()
                        .toList())
                .isEqualTo(IntStream.rangeClosed(1, 180).boxed().toList());
        assertThat(count(meetingId, "CONFIRMED")).isEqualTo(20);
        assertThat(positions(meetingId))
                .isEqualTo(IntStream.rangeClosed(1, 180).boxed().toList());
        assertThat(counters(meetingId)).isEqualTo("20/180");

        // The first five in line, as the database has them, get the five seats that free up.
        List<String> firstFive = new ArrayList<>();
        for (int position = 1; position <= 5; position++) {
            firstFive.add(TestSql.queryForString(
                    database,
                    "select id::text from registration where meeting_id = ?::uuid and waitlist_position = ?::int",
                    meetingId,
                    String.valueOf(position)));
        }
        List<JsonNode> leaving = answers.stream()
                .filter(a -> a.get("status").asText().equals("CONFIRMED"))
                .limit(5)
                .toList();
        List<CompletableFuture<HttpResponse<String>>> cancellations = new ArrayList<>();
        for (JsonNode registration : leaving) {
            String token = tokenOf(registration.get("cancellationLink").asText());
            cancellations.add(http.sendAsync(
                    HttpRequest.newBuilder(base.resolve("api/v1/registrations/"
                                    + registration.get("id").asText() + "/cancel?token=" + token))
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> cancellation : cancellations) {
            HttpResponse<String> response = cancellation.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        for (String promoted : firstFive) {
            assertThat(TestSql.queryForString(database, "select status from registration where id = ?::uuid", promoted))
                    .isEqualTo("CONFIRMED");
        }
        assertThat(count(meetingId, "CONFIRMED")).isEqualTo(20);
        assertThat(count(meetingId, "CANCELLED")).isEqualTo(5);
        assertThat(positions(meetingId))
                .isEqualTo(IntStream.rangeClosed(1, 175).boxed().toList());
        MeetingsApi.read(null, meetingId)
                .statusCode(200)
                .body("confirmedCount", org.hamcrest.Matchers.equalTo(20))
                .body("waitlistLength", org.hamcrest.Matchers.equalTo(175));
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.outbox o join registration r on r.id::text = o.aggregate_id"
                                + " where r.meeting_id = ?::uuid and o.event_type like '%.promoted'",
                        meetingId))
                .isEqualTo(5);
    }

    /**
     * Registrations read the meeting without a lock and take the seat with an update guarded by the version
     * they read (ADR 0009). A capacity raise in the middle of a rush changes that version: the
     * registrations caught by it decide again under the lock, and the counts stay exact.
     */
    @Test
    void a_capacity_raise_in_the_middle_of_a_rush_leaves_the_counts_exact() throws Exception {
        var body = MeetingsApi.meeting(10);
        String meetingId = MeetingsApi.published(body);

        List<HttpResponse<String>> answers = rush(meetingId, 100, "Rusning Person", 30, () -> {
            String etag =
                    MeetingsApi.read(TestTokens.staff(), meetingId).extract().header("ETag");
            body.put("capacity", 30);
            given().auth()
                    .oauth2(TestTokens.staff())
                    .header("If-Match", etag)
                    .contentType("application/json")
                    .body(body)
                    .when()
                    .put("/api/v1/meetings/" + meetingId)
                    .then()
                    .statusCode(200);
        });

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
        assertThat(count(meetingId, "CONFIRMED")).isEqualTo(30);
        assertThat(positions(meetingId))
                .isEqualTo(IntStream.rangeClosed(1, 70).boxed().toList());
        assertThat(TestSql.queryForString(
                        database,
                        "select confirmed_count || '/' || waitlist_length || '/' || capacity from meeting"
                                + " where id = ?::uuid",
                        meetingId))
                .isEqualTo("30/70/30");
    }

    /**
     * A meeting cancelled in the middle of a rush: a registration that read it as published before the
     * cancellation and reaches the seat update after it finds the version changed, decides again under the
     * lock and is refused. No registration survives the cancellation, and the counters are zero.
     */
    @Test
    void a_meeting_cancelled_in_the_middle_of_a_rush_keeps_no_registration() throws Exception {
        String meetingId = publishedMeeting(10);

        List<HttpResponse<String>> answers = rush(
                meetingId,
                100,
                "Inställd Person",
                40,
                () -> given().auth()
                        .oauth2(TestTokens.staff())
                        .contentType("application/json")
                        .body(Map.of("reason", "Lokalen är inte tillgänglig"))
                        .when()
                        .post("/api/v1/meetings/" + meetingId + "/cancel")
                        .then()
                        .statusCode(200));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isIn(201, 409);
        }
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from registration where meeting_id = ?::uuid and status <> 'CANCELLED'",
                        meetingId))
                .isZero();
        assertThat(TestSql.queryForString(
                        database,
                        "select status || '/' || confirmed_count || '/' || waitlist_length from meeting where id = ?::uuid",
                        meetingId))
                .isEqualTo("CANCELLED/0/0");
    }

    /**
     * A registration that reads a meeting as full tries the waitlist first and the seat second, both as
     * updates guarded by the row as it is when locked. A seat freed at a full meeting with nobody waiting,
     * while a rush is starting, is therefore taken by the rush (or, once someone waits, by promotion): never
     * more than the capacity confirmed, never a free seat while someone waits, positions without gaps.
     */
    @Test
    void a_seat_freed_at_a_full_meeting_as_a_rush_starts_is_taken_and_nobody_waits_beside_a_free_seat()
            throws Exception {
        String meetingId = publishedMeeting(10);
        List<JsonNode> seated = new ArrayList<>();
        for (HttpResponse<String> answer : rush(meetingId, 10, "Första Person", -1, () -> {})) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            seated.add(JSON.readTree(answer.body()));
        }
        JsonNode leaving = seated.get(3);
        String token = tokenOf(leaving.get("cancellationLink").asText());

        List<HttpResponse<String>> answers = rush(
                meetingId,
                60,
                "Sen Person",
                0,
                () -> given().queryParam("token", token)
                        .when()
                        .post("/api/v1/registrations/" + leaving.get("id").asText() + "/cancel")
                        .then()
                        .statusCode(200));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
        assertThat(count(meetingId, "CONFIRMED")).isEqualTo(10);
        assertThat(count(meetingId, "CANCELLED")).isEqualTo(1);
        assertThat(positions(meetingId))
                .isEqualTo(IntStream.rangeClosed(1, 59).boxed().toList());
        assertThat(counters(meetingId)).isEqualTo("10/59");
    }

    /**
     * {@code people} registrations sent at once (each with its own e-mail address); after the
     * {@code interruptAt}-th is sent, {@code interruption} runs while the rest keep coming. Every answer.
     */
    private List<HttpResponse<String>> rush(
            String meetingId, int people, String name, int interruptAt, Runnable interruption) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            requests.add(http.sendAsync(
                    HttpRequest.newBuilder(base.resolve("api/v1/meetings/" + meetingId + "/registrations"))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(registration(name + i))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
            if (i == interruptAt) {
                interruption.run();
            }
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            answers.add(request.get());
        }
        return answers;
    }

    /** The meeting's own counters, "confirmed/waitlisted". */
    private String counters(String meetingId) {
        return TestSql.queryForString(
                database,
                "select confirmed_count || '/' || waitlist_length from meeting where id = ?::uuid",
                meetingId);
    }

    private long count(String meetingId, String status) {
        return TestSql.queryForLong(
                database,
                "select count(*) from registration where meeting_id = ?::uuid and status = ?",
                meetingId,
                status);
    }

    private List<Integer> positions(String meetingId) {
        String list = TestSql.queryForString(
                database,
                "select coalesce(string_agg(waitlist_position::text, ',' order by waitlist_position), '')"
                        + " from registration where meeting_id = ?::uuid and status = 'WAITLISTED'",
                meetingId);
        return list.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
    }

    @Test
    void each_registration_takes_its_turn_at_the_meeting_registration_gate_and_bad_input_does_not() {
        String meeting = publishedMeeting(5);
        long before = registrationTurns();

        MeetingsApi.register(null, meeting, registration("Anna Turordning"))
                .statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
        assertThat(registrationTurns()).as("one turn for the registration").isEqualTo(before + 1);

        Map<String, Object> bad = registration("Bo Turordning");
        bad.put("attendee", Map.of("name", "Bo Turordning", "email", "not-an-address"));
        MeetingsApi.register(null, meeting, bad).statusCode(422);
        assertThat(registrationTurns()).as("refused before the gate").isEqualTo(before + 1);
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from registration where meeting_id = ?::uuid", meeting))
                .isEqualTo(1);
    }

    private long registrationTurns() {
        var turns = metrics.find("admission_wait")
                .tag("gate", "meeting-registration")
                .timer();
        return turns == null ? 0 : turns.count();
    }
}
