package se.techtank.members.api;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TestKafka;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code Idempotency-Key} on a creating POST (platform {@code IdempotentRequests}): a retry gets the first
 * answer, and the company is registered and published once.
 */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String PROBLEMS = "https://api.techtank.se/problems/";

    @Inject
    @DataSource("platform")
    AgroalDataSource database;

    private KafkaTestConsumer companyTopic;

    @BeforeEach
    void subscribe() {
        companyTopic = KafkaTestConsumer.subscribe(TestKafka.get().bootstrapServers(), "members.company.v1");
    }

    @AfterEach
    void close() {
        companyTopic.close();
    }

    @Test
    void a_retry_with_the_same_key_gets_the_first_answer_and_the_company_is_registered_once() {
        String organisationNumber = TestOrganisationNumbers.next();
        Map<String, Object> company = company(organisationNumber, "Olofströms Press AB");
        String key = UUID.randomUUID().toString();

        var first = post(key, company)
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract();
        String id = first.path("id");
        post(key, company)
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(id))
                .body("organisationNumber", equalTo(organisationNumber))
                .body("createdAt", equalTo(first.path("createdAt")));

        assertThat(companiesWith(organisationNumber)).isEqualTo(1);
        companyTopic.awaitEvent(e -> id.equals(e.key()) && e.ceType().endsWith(".registered"));
        companyTopic.assertNoEvent(e -> id.equals(e.key()), Duration.ofSeconds(2));
        // Without a key the same request is what it always was: a duplicate.
        post(null, company).statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-organisation-number"));
    }

    @Test
    void the_same_key_with_another_request_is_refused_and_changes_nothing() {
        String key = UUID.randomUUID().toString();
        String first = TestOrganisationNumbers.next();
        String second = TestOrganisationNumbers.next();
        post(key, company(first, "Karlshamns Lack AB")).statusCode(201);

        post(key, company(second, "Karlshamns Lack AB"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(companiesWith(second)).isZero();
        // A malformed key is a bad request, before anything is done.
        post("mellan slag", company(second, "Karlshamns Lack AB"))
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(companiesWith(second)).isZero();
    }

    @Test
    void a_retry_while_the_first_is_running_waits_and_one_after_an_abandoned_first_is_executed_again() {
        String organisationNumber = TestOrganisationNumbers.next();
        Map<String, Object> company = company(organisationNumber, "Ronneby Gjuteri AB");
        String key = UUID.randomUUID().toString();
        post(key, company).statusCode(201);

        // As if the first request were still being processed.
        assertThat(TestSql.execute(
                        database,
                        "update platform.idempotency_key set status = null, created_at = now() where key = ?",
                        key))
                .isEqualTo(1);
        post(key, company)
                .statusCode(409)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo(PROBLEMS + "idempotency-key-in-progress"));

        // As if its replica had died before keeping the answer: the retry runs again, and the company's own
        // rule (one per organisation number) stops a second registration.
        assertThat(TestSql.execute(
                        database,
                        "update platform.idempotency_key set created_at = now() - interval '2 minutes' where key = ?",
                        key))
                .isEqualTo(1);
        post(key, company).statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-organisation-number"));
        assertThat(companiesWith(organisationNumber)).isEqualTo(1);
        // The failed retry kept nothing: the key is free for the client's next attempt.
        assertThat(TestSql.queryForLong(database, "select count(*) from platform.idempotency_key where key = ?", key))
                .isZero();
    }

    @Test
    void a_retried_contact_and_a_retried_membership_application_are_each_created_once() {
        String companyId = ContactsApi.registeredCompany();
        Map<String, Object> contact = ContactsApi.contact("Maja Lind", "NEWSLETTER");
        String contactKey = UUID.randomUUID().toString();
        String contactId = postWithKey("/api/v1/companies/" + companyId + "/contacts", contactKey, contact, true)
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(contactId).isNotBlank();
        postWithKey("/api/v1/companies/" + companyId + "/contacts", contactKey, contact, true)
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(contactId));
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from public.contact where company_id = ?::uuid", companyId))
                .isEqualTo(1);

        // The public form ("bli medlem"), anonymous: a double click gives the same receipt.
        String organisationNumber = TestOrganisationNumbers.next();
        Map<String, Object> application = Map.of(
                "company",
                Map.of("organisationNumber", organisationNumber, "name", "Dubbelklick AB", "municipalityCode", "1081"),
                "contact",
                Map.of("name", "Nils Holm", "email", "nils.holm@dubbelklick.example.se", "language", "sv"),
                "consents",
                java.util.List.of("MEETING_INVITATIONS"),
                "acceptsMembershipTerms",
                true);
        String applicationKey = UUID.randomUUID().toString();
        String receipt = postWithKey("/api/v1/membership-applications", applicationKey, application, false)
                .statusCode(202)
                .extract()
                .path("applicationId");
        assertThat(receipt).isNotBlank();
        postWithKey("/api/v1/membership-applications", applicationKey, application, false)
                .statusCode(202)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("applicationId", equalTo(receipt));
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from public.membership_application a join public.company c on c.id = a.company_id"
                                + " where c.organisation_number = ?",
                        organisationNumber))
                .isEqualTo(1);
    }

    private static ValidatableResponse postWithKey(String path, String key, Map<String, Object> body, boolean staff) {
        var request = given().header("Idempotency-Key", key)
                .header("X-Forwarded-For", "192.0.2." + (1 + Math.abs(key.hashCode() % 250)));
        if (staff) {
            request = request.auth().oauth2(TestTokens.staff());
        }
        return request.contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private static Map<String, Object> company(String organisationNumber, String name) {
        return Map.of("organisationNumber", organisationNumber, "name", name, "municipalityCode", "1060");
    }

    private static ValidatableResponse post(String key, Map<String, Object> body) {
        var request = given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(body).when().post("/api/v1/companies").then();
    }

    private long companiesWith(String organisationNumber) {
        return TestSql.queryForLong(
                database, "select count(*) from public.company where organisation_number = ?", organisationNumber);
    }
}
