package se.techtank.notifications;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.WatchesTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.techtank.notifications.NotificationFixtures.email;
import static se.techtank.notifications.NotificationFixtures.registration;
import static se.techtank.notifications.NotificationFixtures.registrationEvent;
import static se.techtank.notifications.NotificationFixtures.tuesdayMorning;
import static se.techtank.notifications.RegistrationMailTest.awaitOneMessage;
import static se.techtank.notifications.RegistrationMailTest.isType;
import static se.techtank.notifications.RegistrationMailTest.part;
import static se.techtank.notifications.RegistrationMailTest.parts;

/**
 * Every registration and application fact that is mailed, in each language: the subject, both parts, the
 * `.ics` exactly for the kinds that carry one, no List-Unsubscribe on transactional mail, the delivery row
 * SENT and its {@code sent} event.
 */
@QuarkusTest
class EveryKindTest extends WatchesTopics {

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer deliveries = watch("notifications.delivery.v1");

    @ParameterizedTest(name = "{0} in {2}")
    @CsvSource({
        "confirmed, CONFIRMED, sv, REGISTRATION_CONFIRMED, 'Bekräftelse: Branschträff Karlshamn', true, ''",
        "confirmed, CONFIRMED, en, REGISTRATION_CONFIRMED, 'Confirmed: Industry meeting Karlshamn', true, ''",
        "waitlisted, WAITLISTED, sv, REGISTRATION_WAITLISTED, 'Du står på väntelistan: Branschträff Karlshamn', false,"
                + " ',\"waitlistPosition\":2'",
        "pending-approval, PENDING_APPROVAL, en, REGISTRATION_PENDING,"
                + " 'We have received your registration: Industry meeting Karlshamn', false, ''",
        "promoted, CONFIRMED, sv, REGISTRATION_PROMOTED, 'Du har fått en plats: Branschträff Karlshamn', true, ''",
        "promoted, CONFIRMED, en, REGISTRATION_PROMOTED, 'You have a seat: Industry meeting Karlshamn', true, ''",
        "cancelled, CANCELLED, sv, REGISTRATION_CANCELLED, 'Avbokad: Branschträff Karlshamn', false,"
                + " ',\"cancellationReason\":\"MEETING_CANCELLED\"'",
        "declined, DECLINED, en, REGISTRATION_DECLINED, 'Your registration: Industry meeting Karlshamn', false,"
                + " ',\"cancellationReason\":\"Only manufacturers this time.\"'",
    })
    void a_registration_fact_is_mailed_to_the_attendee(
            String fact, String status, String language, String kind, String subject, boolean calendar, String extra)
            throws Exception {
        UUID registrationId = UUID.randomUUID();
        String address = email(fact);
        String eventId = registrationEvent(
                        fact,
                        registrationId,
                        registration(
                                registrationId,
                                UUID.randomUUID(),
                                status,
                                "Alva Alm",
                                address,
                                language,
                                tuesdayMorning(),
                                extra))
                .send();

        MimeMessage message = awaitOneMessage(address);
        assertThat(message.getSubject()).isEqualTo(subject);
        assertThat(part(message, "text/plain")).contains("en".equals(language) ? "Hello Alva Alm," : "Hej Alva Alm!");
        assertThat(part(message, "text/html")).contains("Alva Alm");
        assertThat(parts(message).stream().anyMatch(p -> isType(p, "text/calendar")))
                .isEqualTo(calendar);
        assertThat(message.getHeader("List-Unsubscribe")).isNull();
        assertSentAndPublished(eventId, kind);
    }

    @ParameterizedTest(name = "{0} in {2}")
    @CsvSource({
        "submitted, SUBMITTED, SV, APPLICATION_SUBMITTED, 'Vi har tagit emot ansökan till ROBOTLYFTET'",
        "approved, APPROVED, EN, APPLICATION_APPROVED, 'Application approved: ROBOTLYFTET'",
        "rejected, REJECTED, SV, APPLICATION_REJECTED, 'Besked om ansökan till ROBOTLYFTET'",
        "waitlisted, WAITLISTED, EN, APPLICATION_WAITLISTED, 'Application waitlisted: ROBOTLYFTET'",
        "enrolled, ENROLLED, SV, APPLICATION_ENROLLED, 'Välkommen till ROBOTLYFTET'",
    })
    void an_application_fact_is_mailed_to_its_contact_even_before_the_programme_is_known(
            String fact, String status, String language, String kind, String subject) throws Exception {
        UUID applicationId = UUID.randomUUID();
        String address = email("applicant-" + fact);
        String eventId = CloudEventFixture.on("programmes.application.v1")
                .from("/programmes-service")
                .type(
                        "se.techtank.programmes.application." + fact,
                        "contracts/programmes/application." + fact + ".v1.json")
                .subject(applicationId)
                .time(OffsetDateTime.now())
                .data("""
                        {"applicationId":"%s","programmeId":"%s","programmeCode":"ROBOTLYFTET","intakeId":"%s",
                         "company":{"organisationNumber":"%s","name":"Ronneby Robot AB","factsSource":"REGISTER"},
                         "submittedBy":{"role":"MEMBER"},"status":"%s","eligibility":{"rules":[],"unknown":false},
                         "contact":{"name":"Arne Ansökare","email":"%s","language":"%s"},
                         "submittedAt":"2026-12-01T10:00:00Z","modifiedAt":"2026-12-01T10:00:00Z"}
                        """.formatted(
                                applicationId,
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                TestOrganisationNumbers.next(),
                                status,
                                address,
                                language))
                .send();

        MimeMessage message = awaitOneMessage(address);
        assertThat(message.getSubject()).isEqualTo(subject);
        assertThat(part(message, "text/plain")).contains("Ronneby Robot AB");
        assertThat(part(message, "text/html")).contains("Arne Ansökare");
        assertThat(message.getHeader("List-Unsubscribe")).isNull();
        assertSentAndPublished(eventId, kind);
    }

    private void assertSentAndPublished(String eventId, String kind) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where source_key = ? and kind = ? and status = 'SENT'",
                                eventId,
                                kind)
                        == 1);
        String deliveryId =
                TestSql.queryForString(database, "select id::text from delivery where source_key = ?", eventId);
        var sent = deliveries.awaitEvent(e -> deliveryId.equals(e.ceSubject()));
        assertThat(sent.ceType()).isEqualTo("se.techtank.notifications.delivery.sent");
        assertThat(sent.json().path("kind").asText()).isEqualTo(kind);
    }
}
