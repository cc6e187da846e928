package se.techtank.notifications;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
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
import static se.techtank.notifications.NotificationFixtures.company;
import static se.techtank.notifications.NotificationFixtures.contact;
import static se.techtank.notifications.NotificationFixtures.email;
import static se.techtank.notifications.NotificationFixtures.erasedContact;
import static se.techtank.notifications.NotificationFixtures.iso;
import static se.techtank.notifications.NotificationFixtures.sendCompany;
import static se.techtank.notifications.NotificationFixtures.sendContact;
import static se.techtank.notifications.RegistrationMailTest.awaitOneMessage;
import static se.techtank.notifications.RegistrationMailTest.part;

/** Membership decisions mailed to the company's contact persons; removed and erased contacts get nothing. */
@QuarkusTest
class MembershipMailTest {

    @Inject
    AgroalDataSource database;

    @Test
    void an_approved_membership_is_mailed_to_each_contact_in_their_language() throws Exception {
        UUID companyId = UUID.randomUUID();
        UUID swede = UUID.randomUUID();
        UUID briton = UUID.randomUUID();
        String swedishAddress = email("karin");
        String englishAddress = email("james");
        sendContact("added", swede, contact(swede, companyId, "Karin Ek", swedishAddress, "sv"));
        sendContact("added", briton, contact(briton, companyId, "James Hill", englishAddress, "en"));
        awaitContacts(companyId, 2);

        sendCompany(
                "membership-activated",
                companyId,
                company(companyId, TestOrganisationNumbers.next(), "Karlshamns Gjuteri AB", "ACTIVE"),
                OffsetDateTime.now());

        MimeMessage swedish = awaitOneMessage(swedishAddress);
        assertThat(swedish.getSubject()).isEqualTo("Välkommen som medlem i Techtank, Karlshamns Gjuteri AB");
        assertThat(part(swedish, "text/plain")).contains("Hej Karin Ek!");
        MimeMessage english = awaitOneMessage(englishAddress);
        assertThat(english.getSubject()).isEqualTo("Welcome to Techtank, Karlshamns Gjuteri AB");
        assertThat(part(english, "text/html")).contains("Hello James Hill,");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where kind = 'MEMBERSHIP_APPROVED' and status = 'SENT'"
                                        + " and contact_id in (?::uuid, ?::uuid)",
                                swede.toString(),
                                briton.toString())
                        == 2);
    }

    /**
     * members.contact.v1 and members.company.v1 are two topics: the decision can be consumed before the
     * company's contacts are. The contacts the company had when it was decided are told when they arrive, once;
     * a contact created after the decision is not told of it.
     */
    @Test
    void a_contact_projected_after_the_decision_is_told_once_and_a_later_contact_not_at_all() throws Exception {
        UUID companyId = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        String earlyAddress = email("early");
        String laterAddress = email("later");
        OffsetDateTime decidedAt = OffsetDateTime.now();
        String decision = sendCompany(
                "membership-activated",
                companyId,
                company(companyId, TestOrganisationNumbers.next(), "Sölvesborgs Svets AB", "ACTIVE"),
                decidedAt);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database, "select count(*) from membership_decision where event_id = ?::uuid", decision)
                        == 1);
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from delivery where source_event_id = ?::uuid", decision))
                .isZero();

        sendContact("added", early, contact(early, companyId, "Elin Tidig", earlyAddress, "sv"));
        MimeMessage welcome = awaitOneMessage(earlyAddress);
        assertThat(welcome.getSubject()).isEqualTo("Välkommen som medlem i Techtank, Sölvesborgs Svets AB");
        assertThat(part(welcome, "text/plain")).contains("Hej Elin Tidig!");

        // The same contact again (changed): the decision is not planned a second time.
        sendContact("updated", early, contact(early, companyId, "Elin Tidig-Berg", earlyAddress, "sv"));
        sendContact(
                "added",
                later,
                contact(later, companyId, "Lars Senare", laterAddress, "sv", iso(decidedAt.plusMinutes(1))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                        database,
                                        "select count(*) from contact where id = ?::uuid and name = 'Elin Tidig-Berg'",
                                        early.toString())
                                == 1
                        && TestSql.queryForLong(
                                        database, "select count(*) from contact where id = ?::uuid", later.toString())
                                == 1);
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from delivery where source_event_id = ?::uuid and contact_id = ?::uuid",
                        decision,
                        early.toString()))
                .isEqualTo(1);
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from delivery where contact_id = ?::uuid", later.toString()))
                .isZero();
        assertThat(TestSmtp.get().messagesTo(earlyAddress)).hasSize(1);
        assertThat(TestSmtp.get().messagesTo(laterAddress)).isEmpty();
    }

    @Test
    void a_removed_contact_is_not_written_to_and_an_erased_one_vanishes_from_every_table() throws Exception {
        UUID companyId = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        String keptAddress = email("kept");
        String removedAddress = email("removed");
        sendContact("added", kept, contact(kept, companyId, "Kvar Kvist", keptAddress, "sv"));
        sendContact("added", removed, contact(removed, companyId, "Borta Bengt", removedAddress, "sv"));
        awaitContacts(companyId, 2);
        sendContact("removed", removed, """
                {"contactId":"%s","companyId":"%s","language":"sv","consents":{},"erased":false,"removed":true,
                 "createdAt":"2026-11-01T10:00:00Z","modifiedAt":"2026-11-02T10:00:00Z"}
                """.formatted(removed, companyId));
        awaitContacts(companyId, 1);

        sendCompany(
                "membership-suspended",
                companyId,
                company(companyId, TestOrganisationNumbers.next(), "Ronneby Plast AB", "SUSPENDED"),
                OffsetDateTime.now());
        assertThat(awaitOneMessage(keptAddress).getSubject()).isEqualTo("Medlemskapet för Ronneby Plast AB är vilande");
        assertThat(TestSmtp.get().messagesTo(removedAddress)).isEmpty();

        sendContact("erased", kept, erasedContact(kept, companyId));
        awaitContacts(companyId, 0);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where contact_id = ?::uuid and address is null",
                                kept.toString())
                        == 1);
        for (String table : List.of("contact", "delivery")) {
            assertThat(TestSql.queryForLong(
                            database,
                            "select count(*) from " + table + " t where t::text ilike ? or t::text ilike ?",
                            "%" + keptAddress + "%",
                            "%Kvist%"))
                    .as(table)
                    .isZero();
        }
    }

    private void awaitContacts(UUID companyId, int count) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from contact where company_id = ?::uuid",
                                companyId.toString())
                        == count);
    }
}
