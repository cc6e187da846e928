package se.techtank.events.api;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import se.techtank.events.EventsTestInfrastructure;
import se.techtank.platform.testing.TestSql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static se.techtank.events.api.MeetingsApi.PROBLEMS;
import static se.techtank.events.api.MeetingsApi.publishedMeeting;
import static se.techtank.events.api.MeetingsApi.registration;

/**
 * Anonymous registrations are limited per client address and meeting, so that a script cannot fill a
 * conference; the count is in the database (platform's RateLimiter, whose own test runs two replicas on one
 * database). Here the limit is 3 an hour.
 */
@QuarkusTest
@TestProfile(RegistrationRateLimitTest.LowLimit.class)
class RegistrationRateLimitTest extends EventsTestInfrastructure {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("techtank.events.registration.rate-limit", "3");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void an_address_gets_the_limit_per_meeting_then_429_with_retry_after_and_nothing_stored() {
        String meeting = publishedMeeting(100);
        String address = "198.51.100.7";
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = registration("Första Person");
        String firstId =
                register(address, meeting, key, first).statusCode(201).extract().path("id");
        register(address, meeting, null, registration("Andra Person")).statusCode(201);
        register(address, meeting, null, registration("Tredje Person")).statusCode(201);

        register(address, meeting, null, registration("Fjärde Person"))
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo(PROBLEMS + "rate-limited"));
        assertThat(registrationsAt(meeting)).isEqualTo(3);

        // A retry of a kept answer does no work, so it is not limited: the client gets its registration.
        register(address, meeting, key, first)
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(firstId));
        // The limit is per meeting and per address.
        String other = publishedMeeting(100);
        register(address, other, null, registration("Fjärde Person")).statusCode(201);
        register("198.51.100.250", meeting, null, registration("Femte Person")).statusCode(201);
        assertThat(registrationsAt(meeting)).isEqualTo(4);
        assertThat(registrationsAt(other)).isEqualTo(1);
    }

    private static ValidatableResponse register(
            String address, String meetingId, String key, Map<String, Object> body) {
        var request = given().header("X-Forwarded-For", address);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/meetings/" + meetingId + "/registrations")
                .then();
    }

    private long registrationsAt(String meetingId) {
        return TestSql.queryForLong(
                database, "select count(*) from registration where meeting_id = ?::uuid", meetingId);
    }
}
