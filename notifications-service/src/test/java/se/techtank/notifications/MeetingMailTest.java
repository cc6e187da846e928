package se.techtank.notifications;

import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestSmtp;
import se.techtank.platform.testing.TestSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.techtank.notifications.NotificationFixtures.email;
import static se.techtank.notifications.NotificationFixtures.meeting;
import static se.techtank.notifications.NotificationFixtures.registration;
import static se.techtank.notifications.NotificationFixtures.registrationEvent;
import static se.techtank.notifications.NotificationFixtures.sendMeeting;
import static se.techtank.notifications.NotificationFixtures.tuesdayMorning;
import static se.techtank.notifications.RegistrationMailTest.part;

/** A rescheduled meeting: everyone still registered gets the new time and an updated calendar entry. */
@QuarkusTest
class MeetingMailTest {

    @Inject
    AgroalDataSource database;

    @Test
    void a_reschedule_mails_confirmed_and_waitlisted_attendees_an_ics_with_the_next_sequence_but_not_cancelled_ones()
            throws Exception {
        UUID meetingId = UUID.randomUUID();
        OffsetDateTime first = tuesdayMorning();
        OffsetDateTime moved = OffsetDateTime.parse("2026-12-10T13:00:00+01:00");
        sendMeeting("published", meetingId, meeting(meetingId, first, 0, "PUBLISHED"));
        String confirmed = email("confirmed");
        String waitlisted = email("waitlisted");
        String cancelled = email("cancelled");
        UUID confirmedId = register(meetingId, "confirmed", "CONFIRMED", confirmed, "");
        register(meetingId, "waitlisted", "WAITLISTED", waitlisted, ",\"waitlistPosition\":1");
        register(meetingId, "cancelled", "CANCELLED", cancelled, ",\"cancellationReason\":\"CANCELLED_BY_ATTENDEE\"");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery d join registration r on r.id = d.registration_id"
                                        + " where r.meeting_id = ?::uuid and d.status = 'SENT'",
                                meetingId.toString())
                        == 3);

        sendMeeting("rescheduled", meetingId, meeting(meetingId, moved, 1, "PUBLISHED"));

        MimeMessage notice = awaitMessage(confirmed, "Ny tid: Branschträff Karlshamn");
        assertThat(part(notice, "text/plain"))
                .contains("När: torsdag 10 december 2026 kl. 13:00–15:00")
                .contains("tidigare tisdag 8 december 2026 kl. 07:30–09:30")
                .contains("token=s3cr3t-token-" + confirmedId);
        VEvent event = new CalendarBuilder()
                .build(new StringReader(part(notice, "text/calendar")))
                .<VEvent>getComponent("VEVENT")
                .orElseThrow();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(meetingId + "@events.techtank.se");
        assertThat(event.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(event.getDateTimeStart().getValue()).isEqualTo("20261210T130000");
        awaitMessage(waitlisted, "Ny tid: Branschträff Karlshamn");
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from delivery where kind = 'MEETING_RESCHEDULED' and registration_id in "
                                + "(select id from registration where meeting_id = ?::uuid)",
                        meetingId.toString()))
                .isEqualTo(2);
        assertThat(TestSmtp.get().messagesTo(cancelled)).hasSize(1);
    }

    private UUID register(UUID meetingId, String fact, String status, String address, String extra) {
        UUID registrationId = UUID.randomUUID();
        registrationEvent(
                        fact,
                        registrationId,
                        registration(
                                registrationId, meetingId, status, "Deltagare", address, "sv", tuesdayMorning(), extra))
                .send();
        return registrationId;
    }

    private static MimeMessage awaitMessage(String address, String subject) throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSmtp.get().messagesTo(address).stream().anyMatch(m -> subject.equals(subject(m))));
        List<MimeMessage> matching = TestSmtp.get().messagesTo(address).stream()
                .filter(m -> subject.equals(subject(m)))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
