package se.techtank.members.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static se.techtank.members.api.ContactsApi.PROBLEMS;
import static se.techtank.members.api.ContactsApi.TOPIC;
import static se.techtank.members.api.ContactsApi.add;
import static se.techtank.members.api.ContactsApi.added;
import static se.techtank.members.api.ContactsApi.contact;
import static se.techtank.members.api.ContactsApi.erase;
import static se.techtank.members.api.ContactsApi.etag;
import static se.techtank.members.api.ContactsApi.list;
import static se.techtank.members.api.ContactsApi.personalData;
import static se.techtank.members.api.ContactsApi.read;
import static se.techtank.members.api.ContactsApi.registeredCompany;
import static se.techtank.members.api.ContactsApi.remove;
import static se.techtank.members.api.ContactsApi.update;

/** The person's rights under GDPR: access to everything held about them, and erasure. */
@QuarkusTest
class ContactGdprTest extends WatchesTopics {

    @Inject
    @DataSource("platform")
    AgroalDataSource database;

    private final KafkaTestConsumer contactTopic = watch(TOPIC);

    @Test
    void the_personal_data_export_holds_the_contact_its_consent_history_and_its_company() {
        String companyId = registeredCompany();
        Map<String, Object> body = contact("Rut Sandberg", "NEWSLETTER");
        body.put("phone", "+46 455 12 34 56");
        body.put("role", "VD");
        String id = added(companyId, body);
        body.put("consents", List.of("MEETING_INVITATIONS"));
        update(TestTokens.staff(), id, etag(id), body).statusCode(200);

        personalData(TestTokens.staff(), id)
                .statusCode(200)
                .body("contact.id", equalTo(id))
                .body("contact.name", equalTo("Rut Sandberg"))
                .body("contact.email", equalTo(body.get("email")))
                .body("contact.phone", equalTo("+46 455 12 34 56"))
                .body("contact.role", equalTo("VD"))
                .body("contact.language", equalTo("sv"))
                .body("contact.consents.MEETING_INVITATIONS.given", equalTo(true))
                .body("contact.consents.NEWSLETTER.given", equalTo(false))
                .body("contact.createdAt", notNullValue())
                .body("contact.modifiedAt", notNullValue())
                .body("contact.erased", equalTo(false))
                .body("company.id", equalTo(companyId))
                .body("company.name", equalTo("Kontaktföretaget AB"))
                // Added: each consent's first state; updated: meetings given, newsletter withdrawn.
                .body(
                        "consentHistory.consent",
                        contains(
                                "MEETING_INVITATIONS",
                                "PROGRAMME_NEWS",
                                "NEWSLETTER",
                                "MEETING_INVITATIONS",
                                "NEWSLETTER"))
                .body("consentHistory.given", contains(false, false, true, true, false))
                .body("exportedAt", notNullValue());
    }

    @Test
    void erasing_anonymises_the_row_withdraws_consents_and_publishes_contact_erased_without_personal_data() {
        String companyId = registeredCompany();
        Map<String, Object> body = contact("Sara Tell", "NEWSLETTER", "PROGRAMME_NEWS");
        body.put("phone", "0454-12 34 56");
        body.put("role", "Kvalitetschef");
        body.put("language", "en");
        String id = added(companyId, body);
        String kept = added(companyId, contact("Ture Ulf"));

        erase(TestTokens.staff(), id).statusCode(204);

        assertThat(TestSql.queryForString(
                        database,
                        "select concat_ws('|', coalesce(name, '-'), coalesce(email, '-'), coalesce(phone, '-'), role, "
                                + "language, erased_at is not null) from public.contact where id = ?::uuid",
                        id))
                .isEqualTo("-|-|-|Kvalitetschef|en|t");
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from public.contact_consent where contact_id = ?::uuid and given",
                        id))
                .isZero();
        read(TestTokens.staff(), id)
                .statusCode(200)
                .body("erased", equalTo(true))
                .body("erasedAt", notNullValue())
                .body("$", not(hasKey("name")))
                .body("$", not(hasKey("email")))
                .body("$", not(hasKey("phone")))
                .body("role", equalTo("Kvalitetschef"))
                .body("consents.NEWSLETTER.given", equalTo(false));
        list(TestTokens.staff(), companyId, Map.of()).body("items.id", contains(kept));
        personalData(TestTokens.staff(), id)
                .statusCode(200)
                .body("contact.erased", equalTo(true))
                .body("contact", not(hasKey("email")));

        ReceivedEvent event = contactTopic.awaitEvent(
                e -> id.equals(e.key()) && "se.techtank.members.contact.erased".equals(e.ceType()));
        assertThat(event.header("ce_dataschema"))
                .isEqualTo("https://api.techtank.se/contracts/members/contact.erased.v1.json");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("erased").asBoolean()).isTrue();
        assertThat(event.json().has("name")).isFalse();
        assertThat(event.json().has("email")).isFalse();
        assertThat(event.json().has("phone")).isFalse();
        assertThat(event.value())
                .doesNotContain("Sara Tell")
                .doesNotContain((String) body.get("email"))
                .doesNotContain("12 34 56");
        assertThat(event.json().get("companyId").asText()).isEqualTo(companyId);
        assertThat(event.json().at("/consents/NEWSLETTER/given").asBoolean()).isFalse();
    }

    @Test
    void erasing_also_deletes_the_published_events_that_carry_the_persons_data_from_the_outbox() {
        String companyId = registeredCompany();
        String id = added(companyId, contact("Sara Tell"));
        String other = added(companyId, contact("Ture Ulf"));
        String personal = "select count(*) from platform.outbox where aggregate_id = ? and payload::text like ?";
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        TestSql.queryForLong(database, personal + " and sent_at is not null", id, "%Sara Tell%") == 1);

        erase(TestTokens.staff(), id).statusCode(204);

        assertThat(TestSql.queryForLong(database, personal, id, "%Sara Tell%")).isZero();
        // The erasure's own event still goes out, and another person's events are kept until retention.
        contactTopic.awaitEvent(e -> id.equals(e.key()) && "se.techtank.members.contact.erased".equals(e.ceType()));
        assertThat(TestSql.queryForLong(database, personal, other, "%Ture Ulf%"))
                .isEqualTo(1);

        // Removing a contact forgets its published personal data just the same.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.queryForLong(database, personal + " and sent_at is not null", other, "%Ture Ulf%")
                        == 1);
        remove(TestTokens.staff(), other).statusCode(204);
        assertThat(TestSql.queryForLong(database, personal, other, "%Ture Ulf%"))
                .isZero();
    }

    @Test
    void erasing_twice_answers_204_both_times_and_publishes_one_event() {
        String id = added(registeredCompany(), contact("Ulla Vik", "NEWSLETTER"));
        erase(TestTokens.staff(), id).statusCode(204);
        String erasedAt = read(TestTokens.staff(), id).extract().path("erasedAt");

        erase(TestTokens.staff(), id).statusCode(204);

        read(TestTokens.staff(), id).body("erasedAt", equalTo(erasedAt));
        contactTopic.awaitEvent(e -> id.equals(e.key()) && e.ceType().endsWith(".erased"));
        contactTopic.assertNoEvent(e -> id.equals(e.key()) && e.ceType().endsWith(".erased"), Duration.ofSeconds(2));
    }

    @Test
    void an_erased_contact_can_be_neither_updated_nor_removed_and_its_address_is_free_again() {
        String companyId = registeredCompany();
        Map<String, Object> body = contact("Vera Wall");
        String id = added(companyId, body);
        String etag = etag(id);
        erase(TestTokens.staff(), id).statusCode(204);

        update(TestTokens.staff(), id, etag(id), body)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "contact-erased"));
        update(TestTokens.staff(), id, etag, body).statusCode(409);
        remove(TestTokens.staff(), id).statusCode(409).body("type", equalTo(PROBLEMS + "contact-erased"));
        read(TestTokens.staff(), id).statusCode(200).body("erased", equalTo(true));

        // The same person may come back later as a new contact.
        add(TestTokens.staff(), companyId, body).statusCode(201);
    }

    @Test
    void erasing_an_unknown_contact_is_not_found() {
        erase(TestTokens.staff(), "00000000-0000-4000-8000-000000000001").statusCode(404);
        personalData(TestTokens.staff(), "00000000-0000-4000-8000-000000000001").statusCode(404);
    }
}
