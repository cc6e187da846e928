package se.techtank.members.api;

import java.time.Duration;
import java.time.OffsetDateTime;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static se.techtank.members.api.ContactsApi.PROBLEMS;
import static se.techtank.members.api.ContactsApi.TOPIC;
import static se.techtank.members.api.ContactsApi.add;
import static se.techtank.members.api.ContactsApi.added;
import static se.techtank.members.api.ContactsApi.contact;
import static se.techtank.members.api.ContactsApi.etag;
import static se.techtank.members.api.ContactsApi.list;
import static se.techtank.members.api.ContactsApi.read;
import static se.techtank.members.api.ContactsApi.registeredCompany;
import static se.techtank.members.api.ContactsApi.remove;
import static se.techtank.members.api.ContactsApi.uniqueEmail;
import static se.techtank.members.api.ContactsApi.update;

/** Contact persons of a company: adding, reading, listing, updating and removing them, and their events. */
@QuarkusTest
class ContactResourceTest extends WatchesTopics {

    @Inject
    @DataSource("platform")
    AgroalDataSource database;

    private final KafkaTestConsumer contactTopic = watch(TOPIC);

    @Test
    void adding_a_contact_stores_it_normalised_with_every_consent_and_publishes_contact_added() {
        String companyId = registeredCompany();
        String email = uniqueEmail("Anna.Berg").replace("pressverktyg.example.se", "Pressverktyg.Example.SE");

        var response = add(
                        TestTokens.staff(),
                        companyId,
                        Map.of(
                                "name",
                                "  Anna Berg ",
                                "email",
                                " " + email + " ",
                                "phone",
                                "+46 454  30 00 00",
                                "role",
                                "Produktionschef",
                                "consents",
                                List.of("MEETING_INVITATIONS", "NEWSLETTER")))
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("companyId", equalTo(companyId))
                .body("name", equalTo("Anna Berg"))
                .body("email", equalTo(email.replace("Pressverktyg.Example.SE", "pressverktyg.example.se")))
                .body("phone", equalTo("+46 454 30 00 00"))
                .body("role", equalTo("Produktionschef"))
                .body("language", equalTo("sv"))
                .body("erased", equalTo(false))
                .body("consents.MEETING_INVITATIONS.given", equalTo(true))
                .body("consents.NEWSLETTER.given", equalTo(true))
                .body("consents.PROGRAMME_NEWS.given", equalTo(false))
                .extract();
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/v1/contacts/" + id);
        String createdAt = response.path("createdAt");
        assertThat((String) response.path("consents.PROGRAMME_NEWS.changedAt")).isEqualTo(createdAt);

        assertThat(TestSql.queryForString(database, "select email from public.contact where id = ?::uuid", id))
                .isEqualTo(email.replace("Pressverktyg.Example.SE", "pressverktyg.example.se"));
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from public.contact_consent where contact_id = ?::uuid", id))
                .isEqualTo(3);

        ReceivedEvent event = contactTopic.awaitEvent(e -> id.equals(e.key()));
        assertThat(event.ceType()).isEqualTo("se.techtank.members.contact.added");
        assertThat(event.header("ce_dataschema"))
                .isEqualTo("https://api.techtank.se/contracts/members/contact.added.v1.json");
        assertThat(event.ceSubject()).isEqualTo(id);
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("companyId").asText()).isEqualTo(companyId);
        assertThat(event.json().get("name").asText()).isEqualTo("Anna Berg");
        assertThat(event.json().get("language").asText()).isEqualTo("sv");
        assertThat(event.json().at("/consents/NEWSLETTER/given").asBoolean()).isTrue();
        assertThat(event.json().at("/consents/PROGRAMME_NEWS/given").asBoolean())
                .isFalse();
        assertThat(event.json().get("erased").asBoolean()).isFalse();
    }

    @Test
    void a_contact_reads_with_its_etag() {
        String companyId = registeredCompany();
        Map<String, Object> body = contact("Bo Ek");
        body.put("language", "en");
        String id = added(companyId, body);

        read(TestTokens.staff(), id)
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("id", equalTo(id))
                .body("name", equalTo("Bo Ek"))
                .body("language", equalTo("en"))
                .body("consents.NEWSLETTER.given", equalTo(false));
    }

    @Test
    void the_company_list_pages_and_sorts_its_contacts() {
        String companyId = registeredCompany();
        added(companyId, contact("Cecilia Alm"));
        added(companyId, contact("Adam Björk"));
        added(companyId, contact("Berit Dahl"));
        added(registeredCompany(), contact("Someone Elsewhere"));

        list(TestTokens.staff(), companyId, Map.of("size", "2"))
                .statusCode(200)
                .body("items.name", contains("Adam Björk", "Berit Dahl"))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        list(TestTokens.staff(), companyId, Map.of("size", "2", "page", "1"))
                .body("items.name", contains("Cecilia Alm"));
        list(TestTokens.staff(), companyId, Map.of("sort", "name,desc"))
                .body("items.name", contains("Cecilia Alm", "Berit Dahl", "Adam Björk"));
        list(TestTokens.staff(), companyId, Map.of("sort", "createdAt,asc"))
                .body("items.name", contains("Cecilia Alm", "Adam Björk", "Berit Dahl"));
        list(TestTokens.staff(), companyId, Map.of("size", "101", "sort", "email,asc"))
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-request"))
                .body("errors.field", containsInAnyOrder("size", "sort"));
    }

    @Test
    void an_update_with_the_current_etag_replaces_the_contact_and_stamps_only_the_consents_that_changed() {
        String companyId = registeredCompany();
        Map<String, Object> body = contact("Dan Fors", "MEETING_INVITATIONS", "PROGRAMME_NEWS");
        var created = add(TestTokens.staff(), companyId, body).statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        String meetingsSince = created.path("consents.MEETING_INVITATIONS.changedAt");

        body.put("name", "Dan Forsberg");
        body.put("phone", "0454-30 00 00");
        body.put("consents", List.of("MEETING_INVITATIONS", "NEWSLETTER"));
        var updated = update(TestTokens.staff(), id, etag, body)
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("name", equalTo("Dan Forsberg"))
                .body("phone", equalTo("0454-30 00 00"))
                .body("consents.MEETING_INVITATIONS.given", equalTo(true))
                .body("consents.MEETING_INVITATIONS.changedAt", equalTo(meetingsSince))
                .body("consents.PROGRAMME_NEWS.given", equalTo(false))
                .body("consents.NEWSLETTER.given", equalTo(true))
                .extract();
        String modifiedAt = updated.path("modifiedAt");
        assertThat((String) updated.path("consents.PROGRAMME_NEWS.changedAt")).isEqualTo(modifiedAt);
        assertThat((String) updated.path("consents.NEWSLETTER.changedAt")).isEqualTo(modifiedAt);
        assertThat(OffsetDateTime.parse(modifiedAt)).isAfter(OffsetDateTime.parse(meetingsSince));

        read(TestTokens.staff(), id)
                .body("name", equalTo("Dan Forsberg"))
                .header("ETag", equalTo(updated.header("ETag")));
        ReceivedEvent event = contactTopic.awaitEvent(
                e -> id.equals(e.key()) && "se.techtank.members.contact.updated".equals(e.ceType()));
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("name").asText()).isEqualTo("Dan Forsberg");
        assertThat(event.json().at("/consents/NEWSLETTER/given").asBoolean()).isTrue();
        assertThat(event.json().at("/consents/NEWSLETTER/changedAt").asText()).isNotBlank();
    }

    @Test
    void an_update_that_changes_nothing_publishes_nothing() {
        String companyId = registeredCompany();
        Map<String, Object> body = contact("Eva Gran", "NEWSLETTER");
        String id = added(companyId, body);
        String etag = etag(id);

        update(TestTokens.staff(), id, etag, body).statusCode(200).header("ETag", equalTo(etag));

        contactTopic.awaitEvent(e -> id.equals(e.key()) && e.ceType().endsWith(".added"));
        contactTopic.assertNoEvent(e -> id.equals(e.key()) && e.ceType().endsWith(".updated"), Duration.ofSeconds(2));
    }

    @Test
    void a_stale_or_missing_if_match_is_refused_and_the_contact_kept() {
        String companyId = registeredCompany();
        Map<String, Object> body = contact("Fia Holm");
        String id = added(companyId, body);
        String etag = etag(id);
        body.put("name", "First Editor");
        update(TestTokens.staff(), id, etag, body).statusCode(200);

        body.put("name", "Second Editor");
        update(TestTokens.staff(), id, etag, body)
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "stale-version"));
        update(TestTokens.staff(), id, null, body)
                .statusCode(428)
                .body("type", equalTo(PROBLEMS + "if-match-required"));

        read(TestTokens.staff(), id).body("name", equalTo("First Editor"));
    }

    @Test
    void removing_a_contact_deletes_it_and_publishes_contact_removed_without_personal_data() {
        String companyId = registeredCompany();
        String id = added(companyId, contact("Gun Isaksson", "NEWSLETTER"));

        remove(TestTokens.staff(), id).statusCode(204);

        read(TestTokens.staff(), id).statusCode(404);
        remove(TestTokens.staff(), id).statusCode(404);
        assertThat(TestSql.queryForLong(database, "select count(*) from public.contact where id = ?::uuid", id))
                .isZero();
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from public.contact_consent where contact_id = ?::uuid", id))
                .isZero();
        ReceivedEvent event = contactTopic.awaitEvent(
                e -> id.equals(e.key()) && "se.techtank.members.contact.removed".equals(e.ceType()));
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("removed").asBoolean()).isTrue();
        assertThat(event.json().has("name")).isFalse();
        assertThat(event.json().has("email")).isFalse();
        assertThat(event.value()).doesNotContain("Gun Isaksson");
        assertThat(event.json().at("/consents/NEWSLETTER/given").asBoolean()).isFalse();
    }

    @Test
    void an_email_already_used_in_the_company_in_any_letter_case_is_a_conflict_naming_it() {
        String companyId = registeredCompany();
        Map<String, Object> first = contact("Hans Jonsson");
        added(companyId, first);
        String email = (String) first.get("email");

        add(TestTokens.staff(), companyId, Map.of("name", "Hans J", "email", email.toUpperCase()))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "duplicate-contact-email"))
                .body(
                        "detail",
                        containsString(
                                email.substring(0, email.indexOf('@')).toUpperCase() + "@pressverktyg.example.se"))
                .body("errors.field", contains("email"));
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from public.contact where company_id = ?::uuid", companyId))
                .isEqualTo(1);

        // Another company may have a contact with the same address.
        add(TestTokens.staff(), registeredCompany(), Map.of("name", "Hans Jonsson", "email", email))
                .statusCode(201);
        // And one contact cannot take another's address by an update.
        Map<String, Object> second = contact("Ida Karlsson");
        String secondId = added(companyId, second);
        second.put("email", email);
        update(TestTokens.staff(), secondId, etag(secondId), second)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "duplicate-contact-email"));
    }

    @Test
    void invalid_fields_are_listed_by_name() {
        String companyId = registeredCompany();

        add(
                        TestTokens.staff(),
                        companyId,
                        Map.of(
                                "name",
                                " ",
                                "email",
                                "anna.berg@pressverktyg",
                                "phone",
                                "call me",
                                "language",
                                "de",
                                "consents",
                                List.of("NEWSLETTER", "SPAM")))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", containsInAnyOrder("name", "email", "phone", "language", "consents[1]"));
        add(TestTokens.staff(), companyId, Map.of("email", uniqueEmail("x")))
                .statusCode(422)
                .body("errors.field", contains("name"));
        add(TestTokens.staff(), companyId, Map.of("name", "Jan Lund", "email", uniqueEmail("jan"), "mail", "x"))
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "unknown-field"))
                .body("errors.field", contains("mail"));
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from public.contact where company_id = ?::uuid", companyId))
                .isZero();
    }

    @Test
    void an_unknown_company_or_contact_is_not_found() {
        String unknown = "00000000-0000-4000-8000-000000000000";

        add(TestTokens.staff(), unknown, contact("Kim Nord"))
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        list(TestTokens.staff(), unknown, Map.of()).statusCode(404);
        read(TestTokens.staff(), unknown).statusCode(404);
        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/contacts/not-a-uuid")
                .then()
                .statusCode(404)
                .body("type", endsWith("not-found"));
    }
}
