package se.techtank.members.api;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestPostgres;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every connection of the service's pools is ended under it (an operator's {@code pg_terminate_backend}, a
 * failover): a request that meets a dead connection is answered 503 {@code service-busy} with {@code
 * Retry-After}, not 500, and its retry with the same {@code Idempotency-Key} registers the company once.
 */
@QuarkusTest
class ConnectionLossTest {

    private static final String PROBLEMS = "https://api.techtank.se/problems/";

    /** Straight to the server, not through the service's pools, whose connections the test ends. */
    private final DataSource database = TestPostgres.get().dataSource("members");

    @Test
    void a_request_on_a_dead_connection_answers_503_and_its_retry_with_the_same_key_registers_the_company_once() {
        // Both pools hold idle connections: the ones the next request is given.
        post(UUID.randomUUID().toString(), TestOrganisationNumbers.next()).statusCode(201);
        assertThat(TestPostgres.get().terminateConnections("members")).isPositive();

        String organisationNumber = TestOrganisationNumbers.next();
        String key = UUID.randomUUID().toString();
        post(key, organisationNumber)
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "service-busy"))
                .body("status", org.hamcrest.Matchers.equalTo(503));
        assertThat(companiesWith(organisationNumber)).isZero();

        // Each dead pooled connection fails once and is dropped; the retries get fresh ones.
        ExtractableResponse<Response> created = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> post(key, organisationNumber).extract(), answer -> answer.statusCode() == 201);
        String id = created.path("id");

        var replay = post(key, organisationNumber).statusCode(201).extract();
        assertThat(replay.path("id").toString()).isEqualTo(id);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(companiesWith(organisationNumber)).isEqualTo(1);
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.outbox where aggregate_id = ? and event_type = ?",
                        id,
                        "se.techtank.members.company.registered"))
                .as("registered once, published once")
                .isEqualTo(1);
    }

    private static io.restassured.response.ValidatableResponse post(String key, String organisationNumber) {
        Map<String, Object> body = Map.of(
                "organisationNumber", organisationNumber, "name", "Karlshamns Gjuteri AB", "municipalityCode", "1082");
        return given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/api/v1/companies")
                .then();
    }

    private long companiesWith(String organisationNumber) {
        return TestSql.queryForLong(
                database, "select count(*) from public.company where organisation_number = ?", organisationNumber);
    }
}
