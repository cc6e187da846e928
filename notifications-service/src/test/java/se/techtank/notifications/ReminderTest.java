package se.techtank.notifications;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import se.techtank.notifications.service.DeliveryPlanner;
import se.techtank.platform.testing.TestManagement;
import se.techtank.platform.testing.TestSmtp;
import se.techtank.platform.testing.TestSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.techtank.notifications.NotificationFixtures.email;
import static se.techtank.notifications.NotificationFixtures.meeting;
import static se.techtank.notifications.NotificationFixtures.registration;
import static se.techtank.notifications.NotificationFixtures.registrationEvent;
import static se.techtank.notifications.NotificationFixtures.sendMeeting;
import static se.techtank.notifications.RegistrationMailTest.part;

/**
 * Reminders the day before a meeting at 09:00 Stockholm time: scheduled when a registration is confirmed,
 * moved when the meeting is, suppressed when it is cancelled, sent once when due, and turned off by the
 * one-click unsubscribe link they carry. The tests make a reminder due by moving its due time to now, as the
 * clock would.
 */
@QuarkusTest
class ReminderTest {

    @Inject
    AgroalDataSource database;

    @Test
    void the_due_time_is_nine_the_day_before_in_stockholm_on_either_side_of_a_daylight_saving_change() {
        assertThat(DeliveryPlanner.reminderDue(
                        OffsetDateTime.parse("2026-10-26T08:00:00+01:00").toInstant(), LocalTime.of(9, 0)))
                .isEqualTo(OffsetDateTime.parse("2026-10-25T09:00:00+01:00").toInstant());
        assertThat(DeliveryPlanner.reminderDue(
                        OffsetDateTime.parse("2027-03-29T08:00:00+02:00").toInstant(), LocalTime.of(9, 0)))
                .isEqualTo(OffsetDateTime.parse("2027-03-28T09:00:00+02:00").toInstant());
    }

    @Test
    void a_confirmed_registration_schedules_a_reminder_a_reschedule_moves_it_and_a_cancellation_suppresses_it() {
        UUID meetingId = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.parse("2027-03-29T08:00:00+02:00");
        sendMeeting("published", meetingId, meeting(meetingId, start, 0, "PUBLISHED"));
        UUID registrationId = confirm(meetingId, start, email("reminded"));

        awaitReminder(meetingId, 0, "SCHEDULED", "2027-03-28T07:00:00Z");

        OffsetDateTime later = OffsetDateTime.parse("2027-04-12T08:00:00+02:00");
        sendMeeting("rescheduled", meetingId, meeting(meetingId, later, 1, "PUBLISHED"));
        awaitReminder(meetingId, 0, "SUPPRESSED", "2027-03-28T07:00:00Z");
        awaitReminder(meetingId, 1, "SCHEDULED", "2027-04-11T07:00:00Z");
        assertThat(TestSql.queryForString(
                        database,
                        "select suppressed_reason from delivery where source_key = ?",
                        "reminder:" + meetingId + ":0"))
                .isEqualTo("OUTDATED");

        sendMeeting("cancelled", meetingId, meeting(meetingId, later, 2, "CANCELLED"));
        awaitReminder(meetingId, 1, "SUPPRESSED", "2027-04-11T07:00:00Z");
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from delivery where registration_id = ?::uuid and kind = 'MEETING_REMINDER'"
                                + " and status in ('SCHEDULED', 'PENDING')",
                        registrationId.toString()))
                .isZero();
    }

    @Test
    void a_registration_confirmed_after_the_due_time_gets_no_reminder() {
        UUID meetingId = UUID.randomUUID();
        // Starts within hours: 09:00 the day before has passed.
        OffsetDateTime soon = OffsetDateTime.now().plusHours(3).withNano(0);
        sendMeeting("published", meetingId, meeting(meetingId, soon, 0, "PUBLISHED"));
        UUID registrationId = confirm(meetingId, soon, email("late"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where registration_id = ?::uuid",
                                registrationId.toString())
                        == 1);
        assertThat(TestSql.queryForString(
                        database,
                        "select kind from delivery where registration_id = ?::uuid",
                        registrationId.toString()))
                .isEqualTo("REGISTRATION_CONFIRMED");
    }

    @Test
    void due_reminders_are_sent_once_each_by_the_two_senders_with_a_one_click_unsubscribe_that_works()
            throws Exception {
        UUID meetingId = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now()
                .plusDays(10)
                .withHour(8)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        sendMeeting("published", meetingId, meeting(meetingId, start, 0, "PUBLISHED"));
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String address = email("many" + i);
            addresses.add(address);
            confirm(meetingId, start, address);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where source_key = ? and status = 'SCHEDULED'",
                                "reminder:" + meetingId + ":0")
                        == 12);

        // The clock reaches the due time.
        TestSql.execute(
                database,
                "update delivery set due_at = now(), next_attempt_at = now() where source_key = ?",
                "reminder:" + meetingId + ":0");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where source_key = ? and status = 'SENT'",
                                "reminder:" + meetingId + ":0")
                        == 12);
        for (String address : addresses) {
            List<MimeMessage> reminders = TestSmtp.get().messagesTo(address).stream()
                    .filter(m -> subject(m).startsWith("Påminnelse"))
                    .toList();
            assertThat(reminders).as(address).hasSize(1);
        }

        MimeMessage reminder = TestSmtp.get().messagesTo(addresses.get(0)).stream()
                .filter(m -> subject(m).startsWith("Påminnelse"))
                .findFirst()
                .orElseThrow();
        assertThat(reminder.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String link = reminder.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        assertThat(part(reminder, "text/plain")).contains(link);
        String token = link.substring(link.indexOf("token=") + "token=".length());

        RestAssured.given()
                .queryParam("token", token)
                .post("/api/v1/unsubscribe")
                .then()
                .statusCode(204);
        RestAssured.given()
                .queryParam("token", token.substring(0, token.length() - 2) + "xx")
                .post("/api/v1/unsubscribe")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-unsubscribe-token"));

        // A later meeting: the person who unsubscribed gets no reminder; the others do.
        UUID nextMeeting = UUID.randomUUID();
        sendMeeting("published", nextMeeting, meeting(nextMeeting, start.plusDays(7), 0, "PUBLISHED"));
        UUID unsubscribed = confirm(nextMeeting, start.plusDays(7), addresses.get(0));
        UUID other = confirm(nextMeeting, start.plusDays(7), addresses.get(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where source_key = ? and status = 'SCHEDULED'",
                                "reminder:" + nextMeeting + ":0")
                        == 2);
        TestSql.execute(
                database,
                "update delivery set due_at = now(), next_attempt_at = now() where source_key = ?",
                "reminder:" + nextMeeting + ":0");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SUPPRESSED/OPTED_OUT"
                        .equals(TestSql.queryForString(
                                database,
                                "select status || '/' || coalesce(suppressed_reason, '') from delivery"
                                        + " where source_key = ? and registration_id = ?::uuid",
                                "reminder:" + nextMeeting + ":0",
                                unsubscribed.toString())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT"
                        .equals(TestSql.queryForString(
                                database,
                                "select status from delivery where source_key = ? and registration_id = ?::uuid",
                                "reminder:" + nextMeeting + ":0",
                                other.toString())));
    }

    @Test
    void a_delivery_whose_earlier_sender_died_mid_exchange_is_sent_once_more_and_counted_as_a_possible_duplicate() {
        UUID meetingId = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now()
                .plusDays(12)
                .withHour(8)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        sendMeeting("published", meetingId, meeting(meetingId, start, 0, "PUBLISHED"));
        String address = email("twice-maybe");
        confirm(meetingId, start, address);
        String source = "reminder:" + meetingId + ":0";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where source_key = ? and status = 'SCHEDULED'",
                                source)
                        == 1);
        String deliveryId =
                TestSql.queryForString(database, "select id::text from delivery where source_key = ?", source);
        double before = possibleDuplicates();

        // What a sender killed inside the SMTP exchange leaves: the attempt begun, no outcome recorded.
        TestSql.execute(
                database,
                "insert into delivery_attempt (delivery_id, started_at) values (?::uuid, now() - interval '1 minute')",
                deliveryId);
        TestSql.execute(
                database, "update delivery set due_at = now(), next_attempt_at = now() where id = ?::uuid", deliveryId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT"
                        .equals(TestSql.queryForString(
                                database, "select status from delivery where id = ?::uuid", deliveryId)));
        assertThat(possibleDuplicates()).isEqualTo(before + 1);
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from delivery_attempt where delivery_id = ?::uuid", deliveryId))
                .isZero();
        assertThat(TestSmtp.get().messagesTo(address).stream()
                        .filter(m -> subject(m).startsWith("Påminnelse")))
                .hasSize(1);
    }

    private static double possibleDuplicates() {
        String metrics = RestAssured.given()
                .get(TestManagement.url("/q/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith("techtank_notifications_possible_duplicates_total{")
                        && line.contains("kind=\"MEETING_REMINDER\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private UUID confirm(UUID meetingId, OffsetDateTime start, String address) {
        UUID registrationId = UUID.randomUUID();
        registrationEvent(
                        "confirmed",
                        registrationId,
                        registration(registrationId, meetingId, "CONFIRMED", "Påmind Person", address, "sv", start, ""))
                .send();
        return registrationId;
    }

    private void awaitReminder(UUID meetingId, int sequence, String status, String dueAt) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where source_key = ? and status = ? and due_at = ?::timestamptz",
                                "reminder:" + meetingId + ":" + sequence,
                                status,
                                dueAt)
                        == 1);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
