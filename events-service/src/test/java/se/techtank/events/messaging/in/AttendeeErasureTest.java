package se.techtank.events.messaging.in;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import se.techtank.events.api.MeetingsApi;
import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * GDPR for attendees: a contact person erased in members-service ({@code contact.erased} on
 * members.contact.v1) and an attendee erased by staff lose name, e-mail, dietary requirements and
 * message from their registrations here; the anonymous rows stay, and the topic learns it.
 */
@QuarkusTest
class AttendeeErasureTest extends WatchesTopics {

    private static final String CONTACTS = "members.contact.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer registrations = watch(MeetingsApi.REGISTRATION_TOPIC);

    @Test
    void a_contact_erased_in_members_service_is_anonymised_here_once_even_when_redelivered() {
        String meetingId = MeetingsApi.publishedMeeting(5);
        UUID contactId = UUID.randomUUID();
        String email = MeetingsApi.uniqueEmail("Kontakt.Person");
        Map<String, Object> body = MeetingsApi.registration("Kontakt Person");
        attendee(body).put("email", email.toUpperCase());
        body.put("dietaryRequirements", "Glutenfri");
        String registrationId =
                MeetingsApi.register(null, meetingId, body).extract().path("id");
        String other = MeetingsApi.register(null, meetingId, MeetingsApi.registration("Annan Person"))
                .extract()
                .path("id");

        contact(contactId, "added", email).send();
        await().atMost(WAIT)
                .until(() -> TestSql.queryForLong(
                                database, "select count(*) from contact_email where contact_id = ?::uuid", contactId)
                        == 1);
        String erasedEvent = contact(contactId, "erased", null).send();
        await().atMost(WAIT).until(() -> "true".equals(anonymised(registrationId)));

        assertThat(TestSql.queryForString(
                        database,
                        "select coalesce(attendee_name, '-') || '/' || coalesce(attendee_email, '-') || '/'"
                                + " || coalesce(dietary_requirements, '-') || '/' || status from registration"
                                + " where id = ?::uuid",
                        registrationId))
                .isEqualTo("-/-/-/CONFIRMED");
        assertThat(anonymised(other)).isEqualTo("false");
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from contact_email where contact_id = ?::uuid", contactId))
                .isZero();
        ReceivedEvent event = registrations.awaitEvent(
                e -> registrationId.equals(e.key()) && e.ceType().endsWith(".anonymised"));
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.value()).doesNotContain("Kontakt Person").doesNotContainIgnoringCase(email);

        // The same erasure delivered again: no second effect.
        contact(contactId, "erased", null).id(erasedEvent).send();
        String marker = contact(UUID.randomUUID(), "removed", null).send();
        await().atMost(WAIT)
                .until(() ->
                        TestSql.queryForLong(database, "select count(*) from platform.inbox where event_id = ?", marker)
                                == 1);
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.outbox where aggregate_id = ? and event_type like '%.anonymised'",
                        registrationId))
                .isEqualTo(1);
    }

    @Test
    void staff_erase_an_attendee_by_e_mail_and_only_staff() {
        String meetingId = MeetingsApi.publishedMeeting(5);
        String email = MeetingsApi.uniqueEmail("Ej.Medlem");
        Map<String, Object> body = MeetingsApi.registration("Ej Medlem");
        attendee(body).put("email", email);
        String registrationId =
                MeetingsApi.register(null, meetingId, body).extract().path("id");

        erase(TestTokens.municipality("1082"), email).statusCode(403);
        erase(TestTokens.staff(), "not-an-address").statusCode(422).body("errors.field", hasItem("email"));
        erase(TestTokens.staff(), email.toUpperCase()).statusCode(200).body("anonymisedRegistrations", equalTo(1));
        erase(TestTokens.staff(), email).statusCode(200).body("anonymisedRegistrations", equalTo(0));

        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/registrations/" + registrationId)
                .then()
                .statusCode(200)
                .body("anonymised", equalTo(true))
                .body("attendee", nullValue())
                .body("cancellationLink", nullValue())
                .body("status", equalTo("CONFIRMED"));
        // The address is free again: the erased person left no trace to match.
        MeetingsApi.register(null, meetingId, body).statusCode(201);
    }

    @Test
    void erasing_also_deletes_the_registrations_published_events_from_the_outbox() {
        String meetingId = MeetingsApi.publishedMeeting(5);
        String email = MeetingsApi.uniqueEmail("Glomd.Deltagare");
        Map<String, Object> body = MeetingsApi.registration("Glömd Deltagare");
        attendee(body).put("email", email);
        String registrationId =
                MeetingsApi.register(null, meetingId, body).extract().path("id");
        String carrying = "select count(*) from platform.outbox where aggregate_id = ? and payload::text like ?";
        await().atMost(WAIT)
                .until(() -> TestSql.queryForLong(
                                database, carrying + " and sent_at is not null", registrationId, "%" + email + "%")
                        == 1);

        erase(TestTokens.staff(), email).statusCode(200).body("anonymisedRegistrations", equalTo(1));

        assertThat(TestSql.queryForLong(database, carrying, registrationId, "%" + email + "%"))
                .isZero();
        assertThat(TestSql.queryForLong(database, carrying, registrationId, "%Glömd Deltagare%"))
                .isZero();
        // The anonymised state still goes out, so that the compacted topic forgets the person too.
        registrations.awaitEvent(
                e -> registrationId.equals(e.key()) && "se.techtank.events.registration.anonymised".equals(e.ceType()));
    }

    private static io.restassured.response.ValidatableResponse erase(String token, String email) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .when()
                .post("/api/v1/attendees/erase")
                .then();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attendee(Map<String, Object> body) {
        return (Map<String, Object>) body.get("attendee");
    }

    private String anonymised(String registrationId) {
        return TestSql.queryForString(
                database,
                "select (anonymised_at is not null)::text from registration where id = ?::uuid",
                registrationId);
    }

    /** A contact event as members-service publishes it (validated against its schema on send). */
    private static CloudEventFixture contact(UUID contactId, String fact, String email) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        boolean erased = fact.equals("erased");
        boolean removed = fact.equals("removed");
        String person = erased || removed ? "" : "\"name\":\"Kontakt Person\",\"email\":\"%s\",".formatted(email);
        return CloudEventFixture.on(CONTACTS)
                .from("/members-service")
                .type("se.techtank.members.contact." + fact, "contracts/members/contact." + fact + ".v1.json")
                .subject(contactId)
                .data("""
                        {"contactId":"%s","companyId":"%s",%s"language":"sv",\
                        "consents":{"MEETING_INVITATIONS":{"given":false,"changedAt":"%s"}},\
                        "erased":%s,%s"removed":%s,"createdAt":"%s","modifiedAt":"%s"}""".formatted(
                                contactId,
                                UUID.randomUUID(),
                                person,
                                now,
                                erased,
                                erased ? "\"erasedAt\":\"" + now + "\"," : "",
                                removed,
                                now,
                                now));
    }
}
