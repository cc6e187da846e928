package se.techtank.events.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestSql;

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

    @TestHTTPResource("/")
    URI base;

    @Test
    void two_hundred_parallel_registrations_for_twenty_seats_confirm_exactly_twenty() throws Exception {
        String meetingId = publishedMeeting(20);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = JSON.writeValueAsString(registration("Parallell Person" + i));
            requests.add(http.sendAsync(
                    HttpRequest.newBuilder(base.resolve("api/v1/meetings/" + meetingId + "/registrations"))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            HttpResponse<String> response = request.get();
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
        assertThat(TestSql.queryForString(
                        database,
                        "select confirmed_count || '/' || waitlist_length from meeting where id = ?::uuid",
                        meetingId))
                .isEqualTo("20/180");

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
}
