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

    @Test
    void an_opened_intake_is_announced_in_the_contacts_language_to_companies_whose_needs_match() throws Exception {
        String focus = "COMPETENCE_SUPPLY";
        UUID matching = company(focus, 5, "ACTIVE");
        UUID contactId = UUID.randomUUID();
        String address = email("intake");
        sendContact("added", contactId, """
                {"contactId":"%s","companyId":"%s","name":"Jane Doe","email":"%s","language":"en",
                 "consents":{"PROGRAMME_NEWS":{"given":true,"changedAt":"2026-11-01T10:00:00Z"}},
                 "erased":false,"removed":false,"createdAt":"2026-11-01T10:00:00Z","modifiedAt":"2026-11-01T10:00:00Z"}
                """.formatted(contactId, matching, address));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database, "select count(*) from contact where id = ?::uuid", contactId.toString())
                        == 1);
        UUID programmeId = UUID.randomUUID();
        UUID intakeId = UUID.randomUUID();

        se.techtank.platform.testing.CloudEventFixture.on("programmes.programme.v1")
                .from("/programmes-service")
                .type(
                        "se.techtank.programmes.programme.intake-opened",
                        "contracts/programmes/programme.intake-opened.v1.json")
                .subject(programmeId)
                .time(OffsetDateTime.now())
                .data("""
                        {"programmeId":"%s","code":"KOMPETENSLYFTET","name":{"sv":"Kompetenslyftet","en":"Skills Lift"},
                         "description":{"sv":"Kompetensförsörjning.","en":"Skills supply."},"owner":"IUC_SVERIGE",
                         "funders":["ESF"],"focusAreas":["%s"],"eligibility":{},"status":"PUBLISHED",
                         "intakes":[{"intakeId":"%s","name":"Spring 2027","operatingPartners":["techtank"],
                           "counties":["10"],"applicationOpensAt":"2027-01-01T00:00:00Z",
                           "applicationClosesAt":"2027-03-01T11:00:00Z","startsOn":"2027-04-01",
                           "endsOn":"2027-12-31","seats":10,"seatsTaken":0,"status":"OPEN"}],
                         "intakeId":"%s","modifiedAt":"2026-12-01T10:00:00Z"}
                        """.formatted(programmeId, focus, intakeId, intakeId))
                .send();

        MimeMessage message = awaitOneMessage(address);
        assertThat(message.getSubject()).isEqualTo("Applications open: Skills Lift (Spring 2027)");
        assertThat(RegistrationMailTest.part(message, "text/plain"))
                .contains("Hello Jane Doe,")
                .contains("until Monday 1 March 2027 at 12:00");
        assertThat(message.getHeader("List-Unsubscribe")[0]).contains("/api/v1/unsubscribe?token=");
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
