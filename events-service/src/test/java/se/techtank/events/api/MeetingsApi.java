package se.techtank.events.api;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;

/** The calls the meeting and registration tests make, each with fresh data of its own. */
public final class MeetingsApi {

    public static final String PROBLEMS = "https://api.techtank.se/problems/";
    public static final String MEETING_TOPIC = "events.meeting.v1";
    public static final String REGISTRATION_TOPIC = "events.registration.v1";

    private MeetingsApi() {}

    /**
     * A valid meeting body: a branschträff in Karlshamn (1082) 30 days ahead, 08:00–10:00 local time,
     * registration open now until the day before; change what a test needs.
     */
    public static Map<String, Object> meeting(int capacity) {
        LocalDateTime start =
                LocalDateTime.now().plusDays(30).truncatedTo(ChronoUnit.DAYS).withHour(8);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "INDUSTRY_MEETING");
        body.put("title", Map.of("sv", "Branschträff Karlshamn", "en", "Industry meeting Karlshamn"));
        body.put("description", Map.of("sv", "Frukostmöte om automation."));
        body.put("municipalityCode", "1082");
        body.put("series", "Branschträffar hösten 2026");
        body.put(
                "coOrganisers",
                List.of(Map.of("name", "Näringslivskontoret Karlshamn", "email", "naringsliv@karlshamn.example.se")));
        body.put("venue", Map.of("name", "Väggaparken konferens", "address", "Väggavägen 1, 374 35 Karlshamn"));
        body.put("start", start.toString());
        body.put("end", start.plusHours(2).toString());
        body.put("capacity", capacity);
        body.put("registrationCloses", start.minusDays(1).toString());
        body.put("focusAreas", List.of("AUTOMATION", "DIGITALISATION"));
        return body;
    }

    public static ValidatableResponse plan(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/meetings")
                .then();
    }

    public static ValidatableResponse publish(String token, String meetingId) {
        return given().auth()
                .oauth2(token)
                .when()
                .post("/api/v1/meetings/" + meetingId + "/publish")
                .then();
    }

    /** Plans (as staff) and publishes the meeting; returns its id. */
    public static String published(Map<String, Object> body) {
        String id = plan(TestTokens.staff(), body).statusCode(201).extract().path("id");
        publish(TestTokens.staff(), id).statusCode(200);
        return id;
    }

    /** A published public meeting with {@code capacity} seats; returns its id. */
    public static String publishedMeeting(int capacity) {
        return published(meeting(capacity));
    }

    public static ValidatableResponse read(String token, String meetingId) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().get("/api/v1/meetings/" + meetingId).then();
    }

    /** An e-mail address no other test uses. */
    public static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@deltagare.example.se";
    }

    /** A valid registration body for a private person with a unique e-mail. */
    public static Map<String, Object> registration(String name) {
        Map<String, Object> attendee = new HashMap<>();
        attendee.put("name", name);
        attendee.put("email", uniqueEmail(name.toLowerCase().replace(' ', '.')));
        Map<String, Object> body = new HashMap<>();
        body.put("attendee", attendee);
        body.put("attendeeListConsent", true);
        return body;
    }

    /** Registers; {@code token} null for anonymous. */
    public static ValidatableResponse register(String token, String meetingId, Map<String, Object> body) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/meetings/" + meetingId + "/registrations")
                .then();
    }

    /** Cancels with the token of the registration's cancellation link (anonymous). */
    public static ValidatableResponse cancelWithToken(String registrationId, String token) {
        return given().log()
                .ifValidationFails()
                .queryParam("token", token)
                .when()
                .post("/api/v1/registrations/" + registrationId + "/cancel")
                .then()
                .log()
                .ifValidationFails();
    }

    /** The token in a cancellation link. */
    public static String tokenOf(String cancellationLink) {
        return cancellationLink.substring(cancellationLink.indexOf("token=") + "token=".length());
    }
}
