package se.techtank.notifications;

import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TestSmtp;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.WatchesTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.techtank.notifications.NotificationFixtures.email;
import static se.techtank.notifications.NotificationFixtures.registration;
import static se.techtank.notifications.NotificationFixtures.registrationEvent;
import static se.techtank.notifications.NotificationFixtures.tuesdayMorning;

/** Registration news mailed to the attendee, once each, in their language, with the meeting's calendar entry. */
@QuarkusTest
class RegistrationMailTest extends WatchesTopics {

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer deliveries = watch("notifications.delivery.v1");

    @Test
    void a_confirmed_registration_is_mailed_in_swedish_with_the_ics_and_published_as_sent() throws Exception {
        UUID registrationId = UUID.randomUUID();
        UUID meetingId = UUID.randomUUID();
        String address = email("anna");
        String eventId = registrationEvent(
                        "confirmed",
                        registrationId,
                        registration(
                                registrationId,
                                meetingId,
                                "CONFIRMED",
                                "Anna Berg",
                                address,
                                "sv",
                                tuesdayMorning(),
                                ""))
                .send();

        MimeMessage message = awaitOneMessage(address);
        assertThat(message.getSubject()).isEqualTo("Bekräftelse: Branschträff Karlshamn");
        String text = part(message, "text/plain");
        assertThat(text)
                .contains("Hej Anna Berg!")
                .contains("När: tisdag 8 december 2026 kl. 07:30–09:30")
                .contains("Var: Väggaparken konferens, Väggavägen 1, 374 35 Karlshamn")
                .contains("token=s3cr3t-token-" + registrationId);
        assertThat(part(message, "text/html")).contains("<strong>Branschträff Karlshamn</strong>");

        // The row is marked SENT in the transaction that sent the mail, which may commit just after the server
        // accepted it.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where source_key = ? and status = 'SENT'",
                                eventId)
                        == 1);
        String deliveryId = TestSql.queryForString(
                database,
                "select id::text from delivery where source_key = ? and registration_id = ?::uuid",
                eventId,
                registrationId.toString());
        assertThat(message.getHeader("Message-ID")).containsExactly("<" + deliveryId + "@notifications.techtank.se>");

        Calendar calendar = new CalendarBuilder().build(new StringReader(part(message, "text/calendar")));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(meetingId + "@events.techtank.se");
        assertThat(event.getSequence().getSequenceNo()).isZero();
        assertThat(event.getDateTimeStart().getValue()).isEqualTo("20261208T073000");

        var sent = deliveries.awaitEvent(e -> deliveryId.equals(e.ceSubject()));
        assertThat(sent.ceType()).isEqualTo("se.techtank.notifications.delivery.sent");
        Contracts.assertValid("contracts/notifications/delivery.sent.v1.json", sent.value());
        assertThat(sent.json().path("kind").asText()).isEqualTo("REGISTRATION_CONFIRMED");
        assertThat(sent.json().path("sourceEventId").asText()).isEqualTo(eventId);
        assertThat(sent.json().path("recipient").path("registrationId").asText())
                .isEqualTo(registrationId.toString());
        assertThat(sent.value()).doesNotContain(address).doesNotContain("Anna");
    }

    @Test
    void a_waitlisted_registration_in_english_names_the_position_and_has_no_calendar_entry() throws Exception {
        UUID registrationId = UUID.randomUUID();
        String address = email("john");
        registrationEvent(
                        "waitlisted",
                        registrationId,
                        registration(
                                registrationId,
                                UUID.randomUUID(),
                                "WAITLISTED",
                                "John Smith",
                                address,
                                "en",
                                tuesdayMorning(),
                                ",\"waitlistPosition\":3"))
                .send();

        MimeMessage message = awaitOneMessage(address);
        assertThat(message.getSubject()).isEqualTo("You are on the waitlist: Industry meeting Karlshamn");
        assertThat(part(message, "text/plain"))
                .contains("Hello John Smith,")
                .contains("at position 3")
                .contains("When: Tuesday 8 December 2026 at 07:30–09:30");
        assertThat(parts(message)).noneMatch(p -> isType(p, "text/calendar"));
    }

    @Test
    void the_same_event_twice_sends_one_mail() throws Exception {
        UUID registrationId = UUID.randomUUID();
        String address = email("twice");
        var event = registrationEvent(
                "pending-approval",
                registrationId,
                registration(
                        registrationId,
                        UUID.randomUUID(),
                        "PENDING_APPROVAL",
                        "Two Times",
                        address,
                        "sv",
                        tuesdayMorning(),
                        ""));
        String eventId = event.send();
        event.send();

        awaitOneMessage(address);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from platform.inbox where event_id = ? and consumer = 'registration-notices'",
                                eventId)
                        == 1);
        assertThat(TestSql.queryForLong(database, "select count(*) from delivery where source_key = ?", eventId))
                .isEqualTo(1);
        // A later event of the same registration (same key, same partition) is processed after the duplicate:
        // once it shows, the duplicate has been dealt with, and any second mail would have been planned.
        UUID meetingId = UUID.fromString(TestSql.queryForString(
                database, "select meeting_id::text from registration where id = ?::uuid", registrationId.toString()));
        registrationEvent(
                        "attended",
                        registrationId,
                        registration(
                                registrationId,
                                meetingId,
                                "ATTENDED",
                                "Two Times",
                                address,
                                "sv",
                                tuesdayMorning(),
                                ""))
                .send();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "ATTENDED"
                        .equals(TestSql.queryForString(
                                database,
                                "select status from registration where id = ?::uuid",
                                registrationId.toString())));
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from delivery where registration_id = ?::uuid",
                        registrationId.toString()))
                .isEqualTo(1);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> TestSmtp.get().messagesTo(address).size() == 1);
    }

    @Test
    void an_event_two_days_old_is_suppressed_as_stale_and_mails_no_one() {
        UUID registrationId = UUID.randomUUID();
        String address = email("old");
        String eventId = registrationEvent(
                        "confirmed",
                        registrationId,
                        registration(
                                registrationId,
                                UUID.randomUUID(),
                                "CONFIRMED",
                                "Old News",
                                address,
                                "sv",
                                tuesdayMorning(),
                                ""))
                .time(OffsetDateTime.now().minusDays(2))
                .send();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SUPPRESSED/STALE"
                        .equals(TestSql.queryForString(
                                database,
                                "select status || '/' || suppressed_reason from delivery where source_key = ?",
                                eventId)));
        assertThat(TestSql.queryForString(database, "select address from delivery where source_key = ?", eventId))
                .isNull();
        assertThat(TestSmtp.get().messagesTo(address)).isEmpty();
    }

    @Test
    void an_anonymised_registration_leaves_no_name_address_or_link_in_any_table() {
        UUID registrationId = UUID.randomUUID();
        UUID meetingId = UUID.randomUUID();
        String address = email("gone");
        registrationEvent(
                        "confirmed",
                        registrationId,
                        registration(
                                registrationId,
                                meetingId,
                                "CONFIRMED",
                                "Greta Glömd",
                                address,
                                "sv",
                                tuesdayMorning(),
                                ""))
                .send();
        awaitOneMessage(address);

        registrationEvent("anonymised", registrationId, """
                        {"registrationId":"%s","meetingId":"%s","status":"CONFIRMED","checkInCode":"ABCDEF",
                         "meeting":{"title":{"sv":"Branschträff Karlshamn"},"start":"%s","end":"%s",
                                    "timeZone":"Europe/Stockholm","venue":{"name":"Väggaparken konferens"},
                                    "municipalityCode":"1082","status":"PUBLISHED"},
                         "registeredAt":"2026-11-01T10:00:00Z","modifiedAt":"2026-11-02T10:00:00Z","anonymised":true}
                        """.formatted(
                                registrationId,
                                meetingId,
                                NotificationFixtures.iso(tuesdayMorning()),
                                NotificationFixtures.iso(tuesdayMorning().plusHours(2))))
                .send();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from registration where id = ?::uuid and anonymised",
                                registrationId.toString())
                        == 1);
        for (String table : List.of("registration", "delivery", "contact", "meeting")) {
            assertThat(TestSql.queryForLong(
                            database,
                            "select count(*) from " + table + " t where t::text ilike ? or t::text ilike ? "
                                    + "or t::text ilike ?",
                            "%" + address + "%",
                            "%Greta%",
                            "%s3cr3t-token-" + registrationId + "%"))
                    .as(table)
                    .isZero();
        }
    }

    static MimeMessage awaitOneMessage(String address) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !TestSmtp.get().messagesTo(address).isEmpty());
        List<MimeMessage> messages = TestSmtp.get().messagesTo(address);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    static String part(MimeMessage message, String type) throws Exception {
        for (Part part : parts(message)) {
            if (isType(part, type)) {
                Object content = part.getContent();
                if (content instanceof String text) {
                    return text;
                }
                return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + type + " part in " + message.getSubject());
    }

    static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Part> parts(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            List<Part> all = new java.util.ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.addAll(parts(child));
            }
            return all;
        }
        return List.of(part);
    }
}
