package se.techtank.notifications;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static se.techtank.notifications.NotificationFixtures.contact;
import static se.techtank.notifications.NotificationFixtures.email;
import static se.techtank.notifications.NotificationFixtures.registration;
import static se.techtank.notifications.NotificationFixtures.registrationEvent;
import static se.techtank.notifications.NotificationFixtures.sendContact;
import static se.techtank.notifications.NotificationFixtures.tuesdayMorning;

/** The delivery log, preferences and previews over HTTP: who may do what, bad input, and the effect. */
@QuarkusTest
class NotificationsApiTest {

    @Inject
    AgroalDataSource database;

    @Test
    void staff_list_filter_and_read_deliveries_and_retry_only_a_failed_one() {
        UUID registrationId = UUID.randomUUID();
        String eventId = registrationEvent(
                        "confirmed",
                        registrationId,
                        registration(
                                registrationId,
                                UUID.randomUUID(),
                                "CONFIRMED",
                                "Lista Person",
                                email("listed"),
                                "sv",
                                tuesdayMorning(),
                                ""))
                .send();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where source_key = ? and status = 'SENT'",
                                eventId)
                        == 1);
        String id = TestSql.queryForString(database, "select id::text from delivery where source_key = ?", eventId);

        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("registrationId", registrationId.toString())
                .queryParam("status", "SENT")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].kind", equalTo("REGISTRATION_CONFIRMED"))
                .body("items[0].source.eventId", equalTo(eventId))
                .body("items[0].recipient.registrationId", equalTo(registrationId.toString()))
                .body("items[0].sentAt", notNullValue());
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/v1/deliveries/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"))
                .body("attempts", equalTo(1));

        given().auth()
                .oauth2(TestTokens.staff())
                .post("/api/v1/deliveries/" + id + "/retry")
                .then()
                .statusCode(409)
                .body("type", endsWith("/illegal-delivery-transition"))
                .body("detail", containsString("SENT"));

        TestSql.execute(
                database, "update delivery set status = 'FAILED', last_error = 'SMTP 550' where id = ?::uuid", id);
        given().auth()
                .oauth2(TestTokens.staff())
                .post("/api/v1/deliveries/" + id + "/retry")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT"
                        .equals(TestSql.queryForString(
                                database, "select status from delivery where id = ?::uuid", id)));
        assertThat(TestSql.queryForLong(database, "select attempts from delivery where id = ?::uuid", id))
                .isEqualTo(2);
    }

    @Test
    void bad_list_parameters_are_named_and_unknown_deliveries_are_404() {
        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("status", "LOST")
                .queryParam("contactId", "not-a-uuid")
                .queryParam("size", "0")
                .queryParam("modifiedSince", "yesterday")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("status", "contactId", "size", "modifiedSince"));
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/v1/deliveries/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.staff())
                .post("/api/v1/deliveries/" + UUID.randomUUID() + "/retry")
                .then()
                .statusCode(404);
    }

    @Test
    void a_partner_token_that_names_no_partner_is_refused_403_not_told_of_a_missing_partner() {
        String noPartner = TestTokens.withGroups(
                "partner-without-claim",
                java.util.Set.of(TestTokens.PARTNER),
                java.util.Map.of(),
                TestTokens.DEFAULT_LIFETIME);
        given().auth()
                .oauth2(noPartner)
                .when()
                .get("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://api.techtank.se/problems/forbidden"))
                .body("detail", equalTo("Your role does not allow this operation."));
    }

    @Test
    void members_and_municipalities_may_not_read_the_log_and_anonymous_callers_are_401() {
        given().auth()
                .oauth2(TestTokens.member(UUID.randomUUID()))
                .get("/api/v1/deliveries")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.municipality("1082"))
                .get("/api/v1/deliveries")
                .then()
                .statusCode(403);
        given().get("/api/v1/deliveries").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.partner("iuc-syd"))
                .post("/api/v1/deliveries/" + UUID.randomUUID() + "/retry")
                .then()
                .statusCode(403);
    }

    @Test
    void a_member_turns_its_own_contacts_reminders_off_with_if_match_and_cannot_reach_another_companys() {
        UUID companyId = UUID.randomUUID();
        UUID contactId = UUID.randomUUID();
        sendContact("added", contactId, contact(contactId, companyId, "Pref Person", email("pref"), "sv"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database, "select count(*) from contact where id = ?::uuid", contactId.toString())
                        == 1);
        String member = TestTokens.member(companyId);
        String etag = given().auth()
                .oauth2(member)
                .get("/api/v1/notification-preferences/" + contactId)
                .then()
                .statusCode(200)
                .body("kinds.MEETING_REMINDER", equalTo(true))
                .body("kinds.MEETING_ANNOUNCEMENT", equalTo(true))
                .body("kinds.REGISTRATION_CONFIRMED", nullValue())
                .extract()
                .header("ETag");

        given().auth()
                .oauth2(member)
                .contentType("application/json")
                .body("{\"kinds\":{\"MEETING_REMINDER\":false}}")
                .put("/api/v1/notification-preferences/" + contactId)
                .then()
                .statusCode(428);
        String changed = given().auth()
                .oauth2(member)
                .contentType("application/json")
                .header("If-Match", etag)
                .body("{\"kinds\":{\"MEETING_REMINDER\":false}}")
                .put("/api/v1/notification-preferences/" + contactId)
                .then()
                .statusCode(200)
                .body("kinds.MEETING_REMINDER", equalTo(false))
                .extract()
                .header("ETag");
        assertThat(changed).isNotEqualTo(etag);
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from opt_out where recipient = ? and kind = 'MEETING_REMINDER'",
                        "contact:" + contactId))
                .isEqualTo(1);

        given().auth()
                .oauth2(member)
                .contentType("application/json")
                .header("If-Match", etag)
                .body("{\"kinds\":{\"MEETING_REMINDER\":true}}")
                .put("/api/v1/notification-preferences/" + contactId)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(member)
                .contentType("application/json")
                .header("If-Match", changed)
                .body("{\"kinds\":{\"REGISTRATION_CONFIRMED\":false,\"NO_SUCH_KIND\":true}}")
                .put("/api/v1/notification-preferences/" + contactId)
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("kinds.REGISTRATION_CONFIRMED", "kinds.NO_SUCH_KIND"));

        given().auth()
                .oauth2(TestTokens.member(UUID.randomUUID()))
                .get("/api/v1/notification-preferences/" + contactId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.municipality("1082"))
                .get("/api/v1/notification-preferences/" + contactId)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.staff())
                .get("/api/v1/notification-preferences/" + contactId)
                .then()
                .statusCode(200)
                .body("kinds.MEETING_REMINDER", equalTo(false));
    }

    @Test
    void staff_preview_a_kind_in_both_languages_and_others_may_not() {
        given().auth()
                .oauth2(TestTokens.staff())
                .post("/api/v1/notification-kinds/REGISTRATION_CONFIRMED/preview")
                .then()
                .statusCode(200)
                .body("sv.subject", equalTo("Bekräftelse: Branschträff Karlshamn"))
                .body("en.subject", equalTo("Confirmed: Industry meeting Karlshamn"))
                .body("sv.text", containsString("tisdag 8 december 2026 kl. 07:30–09:30"))
                .body("en.html", containsString("Tuesday 8 December 2026 at 07:30–09:30"))
                .body("sv.calendar", containsString("BEGIN:VCALENDAR"))
                .body("sv.unsubscribeLink", nullValue());
        given().auth()
                .oauth2(TestTokens.staff())
                .post("/api/v1/notification-kinds/MEETING_REMINDER/preview")
                .then()
                .statusCode(200)
                .body("en.unsubscribeLink", containsString("/api/v1/unsubscribe?token="));
        given().auth()
                .oauth2(TestTokens.staff())
                .post("/api/v1/notification-kinds/NO_SUCH_KIND/preview")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.member(UUID.randomUUID()))
                .post("/api/v1/notification-kinds/REGISTRATION_CONFIRMED/preview")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.municipality("1082"))
                .post("/api/v1/notification-kinds/REGISTRATION_CONFIRMED/preview")
                .then()
                .statusCode(403);
    }
}
