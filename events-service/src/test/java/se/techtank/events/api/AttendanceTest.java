package se.techtank.events.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static se.techtank.events.api.MeetingsApi.PROBLEMS;
import static se.techtank.events.api.MeetingsApi.REGISTRATION_TOPIC;
import static se.techtank.events.api.MeetingsApi.publishedMeeting;
import static se.techtank.events.api.MeetingsApi.register;
import static se.techtank.events.api.MeetingsApi.registration;

/** At the door and after: check-in, the organisers' registration list, the participant export and the report. */
@QuarkusTest
class AttendanceTest extends WatchesTopics {

    private static final String KARLSHAMN = "1082";

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer registrations = watch(REGISTRATION_TOPIC);

    @Test
    void the_co_arranging_municipality_checks_in_by_code_and_twice_is_harmless() {
        String meetingId = publishedMeeting(5);
        var registered = register(null, meetingId, registration("Vid Dörren")).extract();
        String id = registered.path("id");
        String code = registered.path("checkInCode");

        checkIn(TestTokens.municipality(KARLSHAMN), meetingId, Map.of("code", code.toLowerCase()))
                .statusCode(200)
                .body("status", equalTo("ATTENDED"))
                .body("checkedInAt", org.hamcrest.Matchers.notNullValue());
        String firstCheckIn =
                TestSql.queryForString(database, "select checked_in_at::text from registration where id = ?::uuid", id);
        checkIn(TestTokens.staff(), meetingId, Map.of("registrationId", id))
                .statusCode(200)
                .body("status", equalTo("ATTENDED"));

        assertThat(TestSql.queryForString(
                        database, "select checked_in_at::text from registration where id = ?::uuid", id))
                .isEqualTo(firstCheckIn);
        ReceivedEvent attended =
                registrations.awaitEvent(e -> id.equals(e.key()) && e.ceType().endsWith(".attended"));
        Contracts.assertValid(attended.header("ce_dataschema"), attended.value());
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.outbox where aggregate_id = ? and event_type like '%.attended'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void check_in_refuses_the_waitlisted_unknown_codes_others_and_bad_requests() {
        String meetingId = publishedMeeting(1);
        register(null, meetingId, registration("Har Plats")).statusCode(201);
        String waiting =
                register(null, meetingId, registration("Står I Kö")).extract().path("id");

        checkIn(TestTokens.staff(), meetingId, Map.of("registrationId", waiting))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-registration-transition"))
                .body("detail", containsString("WAITLISTED"));
        checkIn(TestTokens.staff(), meetingId, Map.of("code", "ZZZZZZ")).statusCode(404);
        checkIn(TestTokens.staff(), meetingId, Map.of()).statusCode(422).body("errors.field", hasItem("code"));
        checkIn(TestTokens.municipality("1080"), meetingId, Map.of("registrationId", waiting))
                .statusCode(404);
        checkIn(TestTokens.member(java.util.UUID.randomUUID()), meetingId, Map.of("registrationId", waiting))
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("registrationId", waiting))
                .when()
                .post("/api/v1/meetings/" + meetingId + "/check-ins")
                .then()
                .statusCode(401);
        assertThat(TestSql.queryForString(database, "select status from registration where id = ?::uuid", waiting))
                .isEqualTo("WAITLISTED");
    }

    @Test
    void organisers_list_export_and_report_and_nobody_else_does() {
        String meetingId = publishedMeeting(2);
        String company = TestOrganisationNumbers.next();
        ReadModelFixtures.company(company, "Ronneby Gjuteri AB", "1081", "ACTIVE");
        ReadModelFixtures.awaitCompany(database, company, "ACTIVE");
        Map<String, Object> fromCompany = registration("Gjutare Ett");
        fromCompany.put("organisationNumber", company);
        fromCompany.put("dietaryRequirements", "=HYPERLINK(\"http://evil\")");
        String first = register(null, meetingId, fromCompany).extract().path("id");
        Map<String, Object> colleague = registration("Gjutare Två");
        colleague.put("organisationNumber", company);
        colleague.put("message", "Vi kommer; gärna med \"kaffe\"");
        register(null, meetingId, colleague).statusCode(201);
        register(null, meetingId, registration("Privat Person")).body("status", equalTo("WAITLISTED"));
        checkIn(TestTokens.staff(), meetingId, Map.of("registrationId", first)).statusCode(200);

        given().auth()
                .oauth2(TestTokens.municipality(KARLSHAMN))
                .queryParam("status", "WAITLISTED")
                .when()
                .get("/api/v1/meetings/" + meetingId + "/registrations")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].attendee.name", equalTo("Privat Person"))
                .body("items[0].waitlistPosition", equalTo(1));
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("size", 2)
                .queryParam("sort", "name,asc")
                .when()
                .get("/api/v1/meetings/" + meetingId + "/registrations")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items[0].attendee.name", equalTo("Gjutare Ett"));
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("status", "SOMEWHERE")
                .when()
                .get("/api/v1/meetings/" + meetingId + "/registrations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));

        byte[] csv = given().auth()
                .oauth2(TestTokens.municipality(KARLSHAMN))
                .when()
                .get("/api/v1/meetings/" + meetingId + "/registrations.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNamn;E-post;");
        assertThat(text.lines()).hasSize(4);
        assertThat(text).contains(";Ronneby Gjuteri AB;ATTENDED;");
        assertThat(text)
                .contains("'=HYPERLINK(\"\"http://evil\"\")")
                .contains("\"Vi kommer; gärna med \"\"kaffe\"\"\"");

        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/meetings/" + meetingId + "/attendance")
                .then()
                .statusCode(200)
                .body("totals.registered", equalTo(2))
                .body("totals.attended", equalTo(1))
                .body("totals.confirmedNotCheckedIn", equalTo(1))
                .body("totals.waitlisted", equalTo(1))
                .body("byCompany[0].organisationNumber", equalTo(company))
                .body("byCompany[0].registered", equalTo(2))
                .body("byCompany[0].attended", equalTo(1))
                .body("byMunicipality[0].municipalityCode", equalTo("1081"))
                .body("byMunicipality[0].registered", equalTo(2));

        for (String path : new String[] {"/registrations", "/registrations.csv", "/attendance"}) {
            given().auth()
                    .oauth2(TestTokens.municipality("1083"))
                    .when()
                    .get("/api/v1/meetings/" + meetingId + path)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(TestTokens.member(java.util.UUID.randomUUID()))
                    .when()
                    .get("/api/v1/meetings/" + meetingId + path)
                    .then()
                    .statusCode(403);
            given().when().get("/api/v1/meetings/" + meetingId + path).then().statusCode(401);
        }
    }

    private static ValidatableResponse checkIn(String token, String meetingId, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/meetings/" + meetingId + "/check-ins")
                .then();
    }
}
