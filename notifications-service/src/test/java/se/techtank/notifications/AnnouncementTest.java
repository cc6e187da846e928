package se.techtank.notifications;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSmtp;
import se.techtank.platform.testing.TestSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.techtank.notifications.NotificationFixtures.email;
import static se.techtank.notifications.NotificationFixtures.meeting;
import static se.techtank.notifications.NotificationFixtures.sendCompany;
import static se.techtank.notifications.NotificationFixtures.sendContact;
import static se.techtank.notifications.RegistrationMailTest.awaitOneMessage;

/**
 * A published meeting is announced to the contact persons of companies whose needs put one of its focus areas
 * at priority 3 or more, only with their consent, and with a one-click unsubscribe.
 */
@QuarkusTest
class AnnouncementTest {

    @Inject
    AgroalDataSource database;

    @Test
    void a_meeting_is_announced_by_needs_with_consent_and_the_others_are_left_out() throws Exception {
        String focus = "SMART_MATERIALS";
        UUID matching = company(focus, 4, "ACTIVE");
        UUID lowPriority = company(focus, 2, "ACTIVE");
        UUID willing = UUID.randomUUID();
        UUID unwilling = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        String willingAddress = email("willing");
        String unwillingAddress = email("unwilling");
        String elsewhereAddress = email("elsewhere");
        sendContact(
                "added", willing, NotificationFixtures.contact(willing, matching, "Villig Vera", willingAddress, "sv"));
        sendContact("added", unwilling, """
                {"contactId":"%s","companyId":"%s","name":"Ovillig Olle","email":"%s","language":"sv",
                 "consents":{"MEETING_INVITATIONS":{"given":false,"changedAt":"2026-11-01T10:00:00Z"}},
                 "erased":false,"removed":false,"createdAt":"2026-11-01T10:00:00Z","modifiedAt":"2026-11-01T10:00:00Z"}
                """.formatted(unwilling, matching, unwillingAddress));
        sendContact(
                "added",
                elsewhere,
                NotificationFixtures.contact(elsewhere, lowPriority, "Annan Anna", elsewhereAddress, "sv"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from contact where id in (?::uuid, ?::uuid, ?::uuid)",
                                willing.toString(),
                                unwilling.toString(),
                                elsewhere.toString())
                        == 3);

        UUID meetingId = UUID.randomUUID();
        String json = meeting(meetingId, OffsetDateTime.now().plusDays(20).withNano(0), 0, "PUBLISHED")
                .replace("\"focusAreas\":[\"AUTOMATION\"]", "\"focusAreas\":[\"" + focus + "\"]");
        String eventId = NotificationFixtures.sendMeeting("published", meetingId, json);

        MimeMessage invitation = awaitOneMessage(willingAddress);
        assertThat(invitation.getSubject()).isEqualTo("Inbjudan: Branschträff Karlshamn");
        assertThat(invitation.getHeader("List-Unsubscribe")[0]).contains("/api/v1/unsubscribe?token=");
        assertThat(invitation.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SUPPRESSED/NO_CONSENT"
                        .equals(TestSql.queryForString(
                                database,
                                "select status || '/' || suppressed_reason from delivery where source_key = ?"
                                        + " and contact_id = ?::uuid",
                                eventId,
                                unwilling.toString())));
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from delivery where source_key = ? and contact_id = ?::uuid",
                        eventId,
                        elsewhere.toString()))
                .isZero();
        assertThat(TestSmtp.get().messagesTo(unwillingAddress)).isEmpty();
        assertThat(TestSmtp.get().messagesTo(elsewhereAddress)).isEmpty();
    }

    private UUID company(String focusArea, int priority, String membership) {
        UUID companyId = UUID.randomUUID();
        String json = NotificationFixtures.company(companyId, TestOrganisationNumbers.next(), "Behov AB", membership)
                .replace(
                        "\"createdAt\"",
                        "\"needs\":[{\"focusArea\":\"%s\",\"priority\":%d,\"assessedOn\":\"2026-11-01\"}],\"createdAt\""
                                .formatted(focusArea, priority));
        sendCompany("needs-assessed", companyId, json, OffsetDateTime.now());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from company where id = ?::uuid and needs is not null",
                                companyId.toString())
                        == 1);
        return companyId;
    }
}
