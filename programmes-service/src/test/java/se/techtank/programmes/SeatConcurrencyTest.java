package se.techtank.programmes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static se.techtank.programmes.ProgrammesApi.APPLICATION_TOPIC;
import static se.techtank.programmes.ProgrammesApi.APPLICATION_TYPE;
import static se.techtank.programmes.ProgrammesApi.KARLSKRONA;
import static se.techtank.programmes.ProgrammesApi.PROBLEMS;
import static se.techtank.programmes.ProgrammesApi.assertContract;
import static se.techtank.programmes.ProgrammesApi.declaredApplication;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntake;

/**
 * Seats are exact under concurrency: 200 applications to an intake of 20 seats are approved at the same moment;
 * the database lets exactly 20 through. The test counts answers, rows and events.
 */
@QuarkusTest
class SeatConcurrencyTest extends WatchesTopics {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEATS = 20;
    private static final int APPLICATIONS = 200;

    @Inject
    AgroalDataSource database;

    @TestHTTPResource("/")
    URI base;

    private final KafkaTestConsumer applications = watch(APPLICATION_TOPIC);

    @Test
    void two_hundred_parallel_approvals_for_twenty_seats_approve_exactly_twenty() throws Exception {
        String intakeId = openIntake(noRules(), SEATS);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String staff = TestTokens.staff();

        // 200 companies the register does not know apply, submitted by staff on their declared facts.
        List<CompletableFuture<HttpResponse<String>>> submissions = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            Map<String, Object> body =
                    declaredApplication(TestOrganisationNumbers.next(), KARLSKRONA, 10 + i % 40, "SMALL", "25.110");
            submissions.add(http.sendAsync(
                    HttpRequest.newBuilder(base.resolve("api/v1/intakes/" + intakeId + "/applications"))
                            .header("Authorization", "Bearer " + staff)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> submission : submissions) {
            HttpResponse<String> response = submission.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            ids.add(JSON.readTree(response.body()).get("id").asText());
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(APPLICATIONS);
        assertThat(count(intakeId, "SUBMITTED")).isEqualTo(APPLICATIONS);

        // All 200 approved at once.
        List<CompletableFuture<HttpResponse<String>>> approvals = new ArrayList<>();
        for (String id : ids) {
            approvals.add(http.sendAsync(
                    HttpRequest.newBuilder(base.resolve("api/v1/applications/" + id + "/approve"))
                            .header("Authorization", "Bearer " + staff)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> approval : approvals) {
            answers.add(approval.get());
        }

        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus)
                .as(answers.stream()
                        .filter(a -> a.statusCode() != 200 && a.statusCode() != 409)
                        .map(HttpResponse::body)
                        .limit(3)
                        .toList()
                        .toString())
                .containsExactlyInAnyOrderEntriesOf(Map.of(200, (long) SEATS, 409, (long) (APPLICATIONS - SEATS)));
        for (HttpResponse<String> answer : answers) {
            JsonNode body = JSON.readTree(answer.body());
            if (answer.statusCode() == 200) {
                assertThat(body.get("status").asText()).isEqualTo("APPROVED");
            } else {
                assertThat(body.get("type").asText()).isEqualTo(PROBLEMS + "intake-full");
            }
        }

        assertThat(TestSql.queryForLong(database, "select seats_taken from intake where id = ?::uuid", intakeId))
                .isEqualTo(SEATS);
        assertThat(count(intakeId, "APPROVED")).isEqualTo(SEATS);
        assertThat(count(intakeId, "SUBMITTED")).isEqualTo(APPLICATIONS - SEATS);
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from application_transition t join application a on a.id = t.application_id"
                                + " where a.intake_id = ?::uuid and t.to_status = 'APPROVED'",
                        intakeId))
                .isEqualTo(SEATS);
        ProgrammesApi.readIntake(null, intakeId)
                .statusCode(200)
                .body("seatsTaken", equalTo(SEATS))
                .body("seatsLeft", equalTo(0));

        java.util.function.Predicate<ReceivedEvent> approvedHere =
                event -> (APPLICATION_TYPE + "approved").equals(event.ceType())
                        && event.json().path("intakeId").asText().equals(intakeId);
        List<ReceivedEvent> approved = applications.awaitEvents(SEATS, approvedHere, Duration.ofSeconds(60));
        applications.assertNoEvent(approvedHere, Duration.ofSeconds(3));
        assertThat(approved).hasSize(SEATS);
        assertThat(approved).extracting(ReceivedEvent::key).doesNotHaveDuplicates();
        List<String> approvedIds = answers.stream()
                .filter(a -> a.statusCode() == 200)
                .map(a -> readId(a.body()))
                .toList();
        assertThat(approved).extracting(ReceivedEvent::key).containsExactlyInAnyOrderElementsOf(approvedIds);
        for (ReceivedEvent event : approved) {
            assertContract(event);
        }
    }

    private static String readId(String body) {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private long count(String intakeId, String status) {
        return TestSql.queryForLong(
                database,
                "select count(*) from application where intake_id = ?::uuid and status = ?",
                intakeId,
                status);
    }
}
