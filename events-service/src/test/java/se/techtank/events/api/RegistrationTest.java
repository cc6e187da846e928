package se.techtank.events.api;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static se.techtank.events.api.MeetingsApi.PROBLEMS;
import static se.techtank.events.api.MeetingsApi.REGISTRATION_TOPIC;
import static se.techtank.events.api.MeetingsApi.meeting;
import static se.techtank.events.api.MeetingsApi.published;
import static se.techtank.events.api.MeetingsApi.publishedMeeting;
import static se.techtank.events.api.MeetingsApi.register;
import static se.techtank.events.api.MeetingsApi.registration;
import static se.techtank.events.api.MeetingsApi.tokenOf;

/** Registering for meetings: seats, waitlist, approval, the rules, and the events. */
@QuarkusTest
class RegistrationTest extends WatchesTopics {

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer registrations = watch(REGISTRATION_TOPIC);

    @Test
    void a_retried_registration_with_its_idempotency_key_gets_the_first_answer_and_takes_one_seat() {
        String meetingId = publishedMeeting(10);
        Map<String, Object> body = registration("Cecilia Alm");
        String key = java.util.UUID.randomUUID().toString();

        var first = registerWithKey(meetingId, key, body).statusCode(201).extract();
        String id = first.path("id");
        registerWithKey(meetingId, key, body)
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(id))
                .body("cancellationLink", equalTo(first.path("cancellationLink")))
                .body("checkInCode", equalTo(first.path("checkInCode")));

        assertThat(TestSql.queryForLong(
                        database, "select count(*) from registration where meeting_id = ?::uuid", meetingId))
                .isEqualTo(1);
        assertThat(TestSql.queryForLong(database, "select confirmed_count from meeting where id = ?::uuid", meetingId))
                .isEqualTo(1);
        registrations.awaitEvent(e -> id.equals(e.key()) && e.ceType().endsWith(".confirmed"));
        registrations.assertNoEvent(e -> id.equals(e.key()), java.time.Duration.ofSeconds(2));
        // Anonymous keys are scoped by the request: the same key for another person, or at another meeting,
        // is another request of its own. It is executed, never told the key is in use (a 422 would tell a
        // stranger so), and never given the first answer with its cancellation token.
        Map<String, Object> david = registration("David Ek");
        String other = registerWithKey(meetingId, key, david)
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .body("id", not(equalTo(id)))
                .body("cancellationLink", not(equalTo(first.path("cancellationLink"))))
                .extract()
                .path("id");
        String otherMeeting = publishedMeeting(10);
        registerWithKey(otherMeeting, key, body).statusCode(201).header("Idempotent-Replayed", nullValue());
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from registration where meeting_id = ?::uuid", meetingId))
                .isEqualTo(2);
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from registration where meeting_id = ?::uuid", otherMeeting))
                .isEqualTo(1);
        // Each exact retry still gets its own first answer.
        registerWithKey(meetingId, key, david)
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(other));
    }

    private static io.restassured.response.ValidatableResponse registerWithKey(
            String meetingId, String key, Map<String, Object> body) {
        return given().header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/meetings/" + meetingId + "/registrations")
                .then();
    }

    @Test
    void a_registration_takes_a_seat_and_publishes_what_the_confirmation_needs() {
        String meetingId = publishedMeeting(10);
        Map<String, Object> body = registration("Anna Berg");
        @SuppressWarnings("unchecked")
        Map<String, Object> attendee = (Map<String, Object>) body.get("attendee");
        attendee.put("language", "en");
        body.put("dietaryRequirements", "Vegetarian");

        var response = register(null, meetingId, body)
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("waitlistPosition", nullValue())
                .body("attendee.name", equalTo("Anna Berg"))
                .body("attendee.language", equalTo("en"))
                .body("checkInCode", matchesPattern("[A-Z2-9]{6}"))
                .body("cancellationLink", containsString("token="))
                .extract();
        String id = response.path("id");
        // The link opens the frontend's page (here the local stand-in) with GET, never the POST that cancels.
        assertThat(response.<String>path("cancellationLink"))
                .startsWith("http://localhost:8089/avboka?id=" + id + "&token=")
                .doesNotContain("/cancel");
        assertThat(response.header("Location")).endsWith("/api/v1/registrations/" + id);

        assertThat(TestSql.queryForString(database, "select status from registration where id = ?::uuid", id))
                .isEqualTo("CONFIRMED");
        MeetingsApi.read(null, meetingId)
                .statusCode(200)
                .body("confirmedCount", equalTo(1))
                .body("seatsLeft", equalTo(9));

        ReceivedEvent event = registrations.awaitEvent(e -> id.equals(e.key()));
        assertThat(event.ceType()).isEqualTo("se.techtank.events.registration.confirmed");
        assertThat(event.ceSubject()).isEqualTo(id);
        assertThat(event.header("ce_dataschema"))
                .isEqualTo("https://api.techtank.se/contracts/events/registration.confirmed.v1.json");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().at("/attendee/email").asText()).isEqualTo(attendee.get("email"));
        assertThat(event.json().at("/attendee/language").asText()).isEqualTo("en");
        assertThat(event.json().at("/meeting/title/sv").asText()).isEqualTo("Branschträff Karlshamn");
        assertThat(event.json().at("/meeting/start").asText())
                .endsWith(":00+01:00")
                .contains("T08:00");
        assertThat(event.json().get("cancellationLink").asText()).isEqualTo(response.path("cancellationLink"));
    }

    @Test
    void when_full_registrations_are_waitlisted_in_order() {
        String meetingId = publishedMeeting(1);
        register(null, meetingId, registration("Först Person")).statusCode(201).body("status", equalTo("CONFIRMED"));

        String second = register(null, meetingId, registration("Andra Person"))
                .statusCode(201)
                .body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1))
                .extract()
                .path("id");
        register(null, meetingId, registration("Tredje Person")).statusCode(201).body("waitlistPosition", equalTo(2));

        MeetingsApi.read(null, meetingId).body("seatsLeft", equalTo(0)).body("waitlistLength", equalTo(2));
        ReceivedEvent event = registrations.awaitEvent(e -> second.equals(e.key()));
        assertThat(event.ceType()).isEqualTo("se.techtank.events.registration.waitlisted");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("waitlistPosition").asInt()).isEqualTo(1);
    }

    @Test
    void cancelling_a_seat_promotes_the_first_on_the_waitlist_and_moves_the_others_up() {
        String meetingId = publishedMeeting(1);
        var confirmed = register(null, meetingId, registration("Sitter Kvar")).extract();
        String first = register(null, meetingId, registration("Väntar Först"))
                .extract()
                .path("id");
        String second = register(null, meetingId, registration("Väntar Sedan"))
                .extract()
                .path("id");

        MeetingsApi.cancelWithToken(confirmed.path("id"), tokenOf(confirmed.path("cancellationLink")))
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("CANCELLED_BY_ATTENDEE"));

        assertThat(status(first)).isEqualTo("CONFIRMED");
        assertThat(position(first)).isNull();
        assertThat(status(second)).isEqualTo("WAITLISTED");
        assertThat(position(second)).isEqualTo("1");
        MeetingsApi.read(null, meetingId).body("confirmedCount", equalTo(1)).body("waitlistLength", equalTo(1));
        ReceivedEvent promoted = registrations.awaitEvent(
                e -> first.equals(e.key()) && e.ceType().endsWith(".promoted"));
        Contracts.assertValid(promoted.header("ce_dataschema"), promoted.value());
        assertThat(promoted.json().get("status").asText()).isEqualTo("CONFIRMED");
        ReceivedEvent cancelled = registrations.awaitEvent(
                e -> confirmed.path("id").equals(e.key()) && e.ceType().endsWith(".cancelled"));
        Contracts.assertValid(cancelled.header("ce_dataschema"), cancelled.value());
    }

    @Test
    void leaving_the_waitlist_moves_everyone_behind_up_and_cancelling_again_changes_nothing() {
        String meetingId = publishedMeeting(1);
        register(null, meetingId, registration("Sitter Kvar")).statusCode(201);
        var leaving = register(null, meetingId, registration("Ger Upp")).extract();
        String behind =
                register(null, meetingId, registration("Står Bakom")).extract().path("id");
        String token = tokenOf(leaving.path("cancellationLink"));

        MeetingsApi.cancelWithToken(leaving.path("id"), token).statusCode(200);
        MeetingsApi.cancelWithToken(leaving.path("id"), token).statusCode(200).body("status", equalTo("CANCELLED"));

        assertThat(position(behind)).isEqualTo("1");
        MeetingsApi.read(null, meetingId).body("confirmedCount", equalTo(1)).body("waitlistLength", equalTo(1));
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.outbox where aggregate_id = ? and event_type like '%.cancelled'",
                        leaving.<String>path("id")))
                .isEqualTo(1);
    }

    @Test
    void a_cancellation_needs_the_right_token_or_an_organiser() {
        String meetingId = publishedMeeting(5);
        var registered = register(null, meetingId, registration("Hemlig Länk")).extract();
        String id = registered.path("id");

        MeetingsApi.cancelWithToken(id, "not-the-token").statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        given().when().post("/api/v1/registrations/" + id + "/cancel").then().statusCode(404);
        given().auth()
                .oauth2(TestTokens.municipality("1080"))
                .when()
                .post("/api/v1/registrations/" + id + "/cancel")
                .then()
                .statusCode(404);
        assertThat(status(id)).isEqualTo("CONFIRMED");

        given().queryParam("token", tokenOf(registered.path("cancellationLink")))
                .when()
                .get("/api/v1/registrations/" + id)
                .then()
                .statusCode(200)
                .body("attendee.name", equalTo("Hemlig Länk"));
        given().when().get("/api/v1/registrations/" + id).then().statusCode(404);

        given().auth()
                .oauth2(TestTokens.municipality("1082"))
                .when()
                .post("/api/v1/registrations/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("cancellationReason", equalTo("CANCELLED_BY_ORGANISER"));
    }

    @Test
    void one_registration_per_e_mail_address_whatever_its_case_until_cancelled() {
        String meetingId = publishedMeeting(5);
        Map<String, Object> body = registration("Dubbel Anmälan");
        var first = register(null, meetingId, body).statusCode(201).extract();
        @SuppressWarnings("unchecked")
        Map<String, Object> attendee = (Map<String, Object>) body.get("attendee");
        attendee.put("email", ((String) attendee.get("email")).toUpperCase());

        register(null, meetingId, body).statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-registration"));

        MeetingsApi.cancelWithToken(first.path("id"), tokenOf(first.path("cancellationLink")))
                .statusCode(200);
        register(null, meetingId, body).statusCode(201).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void the_company_limit_is_enforced_and_named() {
        Map<String, Object> planned = meeting(10);
        planned.put("maxPerCompany", 2);
        String meetingId = published(planned);
        String company = TestOrganisationNumbers.next();
        for (String name : List.of("Ett Företag", "Två Företag")) {
            Map<String, Object> body = registration(name);
            body.put("organisationNumber", company);
            register(null, meetingId, body).statusCode(201);
        }
        Map<String, Object> third = registration("Tre Företag");
        third.put("organisationNumber", company.replace("-", ""));

        register(null, meetingId, third)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "company-limit-reached"))
                .body("detail", containsString("at most 2"));
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from registration where meeting_id = ?::uuid and organisation_number = ?",
                        meetingId,
                        company))
                .isEqualTo(2);
    }

    @Test
    void registration_outside_its_window_or_for_a_cancelled_meeting_is_refused_with_the_reason() {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> closed = meeting(5);
        closed.put("registrationCloses", now.minusDays(1).toString());
        register(null, published(closed), registration("För Sent"))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "registration-closed"))
                .body("detail", containsString(now.minusDays(1).toLocalDate().toString()));

        Map<String, Object> notYet = meeting(5);
        notYet.put("registrationOpens", now.plusDays(2).toString());
        register(null, published(notYet), registration("För Tidigt"))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "registration-not-open"));

        String cancelled = publishedMeeting(5);
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Inställt"))
                .when()
                .post("/api/v1/meetings/" + cancelled + "/cancel")
                .then()
                .statusCode(200);
        register(null, cancelled, registration("Inställd Träff"))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "meeting-cancelled"));

        String draft = MeetingsApi.plan(TestTokens.staff(), meeting(5))
                .statusCode(201)
                .extract()
                .path("id");
        register(null, draft, registration("Utkast Person")).statusCode(404);
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from registration where meeting_id = ?::uuid", cancelled))
                .isZero();
    }

    @Test
    void bad_input_is_a_problem_naming_the_fields() {
        String meetingId = publishedMeeting(5);
        Map<String, Object> body = registration("Fel Adress");
        @SuppressWarnings("unchecked")
        Map<String, Object> attendee = (Map<String, Object>) body.get("attendee");
        attendee.put("email", "not-an-address");
        attendee.put("language", "de");
        body.put("organisationNumber", "556036-0794");

        register(null, meetingId, body)
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", hasItem("attendee.email"))
                .body("errors.field", hasItem("attendee.language"))
                .body("errors.field", hasItem("organisationNumber"));
        register(null, meetingId, Map.of("attendeeListConsent", true))
                .statusCode(422)
                .body("errors.field", hasItem("attendee"));
        body.put("seat", "window");
        register(null, meetingId, body).statusCode(400).body("type", equalTo(PROBLEMS + "unknown-field"));
        given().contentType(ContentType.JSON)
                .body("{\"attendee\":")
                .when()
                .post("/api/v1/meetings/" + meetingId + "/registrations")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-json"));
        register(null, java.util.UUID.randomUUID().toString(), registration("Ingen Träff"))
                .statusCode(404);
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from registration where meeting_id = ?::uuid", meetingId))
                .isZero();
    }

    @Test
    void a_meeting_requiring_approval_holds_registrations_until_staff_decide() {
        Map<String, Object> planned = meeting(1);
        planned.put("approvalRequired", true);
        String meetingId = published(planned);
        String first = register(null, meetingId, registration("Vill In"))
                .statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"))
                .extract()
                .path("id");
        String second =
                register(null, meetingId, registration("Vill Också")).extract().path("id");
        String third =
                register(null, meetingId, registration("Nekas Plats")).extract().path("id");
        MeetingsApi.read(null, meetingId).body("seatsLeft", equalTo(1));
        assertThat(registrations.awaitEvent(e -> first.equals(e.key())).ceType())
                .isEqualTo("se.techtank.events.registration.pending-approval");

        given().auth()
                .oauth2(TestTokens.municipality("1082"))
                .when()
                .post("/api/v1/registrations/" + first + "/approve")
                .then()
                .statusCode(403);
        approve(first).statusCode(200).body("status", equalTo("CONFIRMED"));
        approve(second).statusCode(200).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        approve(first)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-registration-transition"))
                .body("detail", containsString("CONFIRMED"));
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Fullt"))
                .when()
                .post("/api/v1/registrations/" + third + "/decline")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("cancellationReason", equalTo("Fullt"));

        assertThat(registrations
                        .awaitEvent(e -> first.equals(e.key()) && e.ceType().endsWith(".confirmed"))
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");
        ReceivedEvent declined = registrations.awaitEvent(
                e -> third.equals(e.key()) && e.ceType().endsWith(".declined"));
        Contracts.assertValid(declined.header("ce_dataschema"), declined.value());
    }

    @Test
    void a_members_only_meeting_takes_active_members_only() {
        Map<String, Object> planned = meeting(10);
        planned.put("audience", "MEMBERS_ONLY");
        String meetingId = published(planned);
        String member = TestOrganisationNumbers.next();
        String applicant = TestOrganisationNumbers.next();
        java.util.UUID memberId = ReadModelFixtures.company(member, "Medlemsföretaget AB", "1081", "ACTIVE");
        ReadModelFixtures.company(applicant, "Sökande AB", "1081", "APPLIED");
        ReadModelFixtures.awaitCompany(database, member, "ACTIVE");
        ReadModelFixtures.awaitCompany(database, applicant, "APPLIED");

        register(null, meetingId, registration("Utan Företag"))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "members-only"))
                .body("errors.field", hasItem("organisationNumber"));
        Map<String, Object> notYetMember = registration("Ej Medlem");
        notYetMember.put("organisationNumber", applicant);
        register(null, meetingId, notYetMember)
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "members-only"))
                .body("detail", containsString(applicant));

        Map<String, Object> byNumber = registration("Med Nummer");
        byNumber.put("organisationNumber", member);
        register(null, meetingId, byNumber).statusCode(201).body("companyName", equalTo("Medlemsföretaget AB"));
        register(TestTokens.member(memberId), meetingId, registration("Med Token"))
                .statusCode(201)
                .body("organisationNumber", equalTo(member))
                .body("companyName", equalTo("Medlemsföretaget AB"));
    }

    private io.restassured.response.ValidatableResponse approve(String id) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .post("/api/v1/registrations/" + id + "/approve")
                .then();
    }

    private String status(String registrationId) {
        return TestSql.queryForString(database, "select status from registration where id = ?::uuid", registrationId);
    }

    private String position(String registrationId) {
        return TestSql.queryForString(
                database, "select waitlist_position::text from registration where id = ?::uuid", registrationId);
    }
}
