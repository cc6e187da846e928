package se.techtank.members.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TestIdempotencyKeys;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code Idempotency-Key} on a creating POST (platform {@code IdempotentRequests}): a retry gets the first
 * answer, and the company is registered and published once.
 */
@QuarkusTest
class IdempotencyKeyTest extends WatchesTopics {

    private static final String PROBLEMS = "https://api.techtank.se/problems/";
    private static final String NEEDS_ASSESSED = "se.techtank.members.company.needs-assessed";

    @Inject
    @DataSource("platform")
    AgroalDataSource database;

    @Inject
    @ConfigProperty(name = "techtank.membership-applications.rate-limit")
    int applicationLimit;

    private final KafkaTestConsumer companyTopic = watch("members.company.v1");

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
        assertThat(TestIdempotencyKeys.asIfInProgress(database, key)).isEqualTo(1);
        post(key, company)
                .statusCode(409)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo(PROBLEMS + "idempotency-key-in-progress"));

        // As if its replica had died before keeping the answer: the retry runs again, and the company's own
        // rule (one per organisation number) stops a second registration.
        assertThat(TestIdempotencyKeys.asIfAbandoned(database, key)).isEqualTo(1);
        post(key, company).statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-organisation-number"));
        assertThat(companiesWith(organisationNumber)).isEqualTo(1);
        // The failed retry kept nothing: the key is free for the client's next attempt.
        assertThat(TestIdempotencyKeys.count(database, key)).isZero();
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

    @Test
    void a_retried_needs_assessment_is_recorded_and_published_once() {
        String companyId = ContactsApi.registeredCompany();
        String path = "/api/v1/companies/" + companyId + "/needs-assessments";
        Map<String, Object> assessment = assessment("AUTOMATION", 5);
        String key = UUID.randomUUID().toString();

        var first = postWithKey(path, key, assessment, TestTokens.staff())
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract();
        String assessmentId = first.path("id");
        assertThat(assessmentId).isNotBlank();
        postWithKey(path, key, assessment, TestTokens.staff())
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(assessmentId))
                .body("companyId", equalTo(companyId))
                .body("selfAssessment", equalTo(false))
                .body("needs[0].focusArea", equalTo("AUTOMATION"))
                .body("createdAt", equalTo(first.path("createdAt")));

        assertThat(assessmentsOf(companyId)).isEqualTo(1);
        assertThat(needsAssessedInOutbox(companyId)).isEqualTo(1);
        companyTopic.awaitEvent(e -> companyId.equals(e.key()) && NEEDS_ASSESSED.equals(e.ceType()));
        companyTopic.assertNoEvent(
                e -> companyId.equals(e.key()) && NEEDS_ASSESSED.equals(e.ceType()), Duration.ofSeconds(2));

        // The same key with another assessment is refused, and so is a malformed key: nothing recorded.
        postWithKey(path, key, assessment("AUTOMATION", 2), TestTokens.staff())
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        postWithKey(path, "mellan slag", assessment("AUTOMATION", 2), TestTokens.staff())
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(assessmentsOf(companyId)).isEqualTo(1);
        assertThat(needsAssessedInOutbox(companyId)).isEqualTo(1);
        // Without a key the same request records a second assessment, as it always did.
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(assessment)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertThat(assessmentsOf(companyId)).isEqualTo(2);
    }

    @Test
    void a_members_key_is_its_own_so_another_company_replaying_it_learns_nothing() {
        String own = ContactsApi.registeredCompany();
        String other = ContactsApi.registeredCompany();
        String member = TestTokens.member(UUID.fromString(own));
        String otherMember = TestTokens.member(UUID.fromString(other));
        String ownPath = "/api/v1/companies/" + own + "/needs-assessments";
        Map<String, Object> assessment = assessment("DIGITALISATION", 4);
        String key = UUID.randomUUID().toString();

        String assessmentId = postWithKey(ownPath, key, assessment, member)
                .statusCode(201)
                .body("selfAssessment", equalTo(true))
                .extract()
                .path("id");
        postWithKey(ownPath, key, assessment, member)
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(assessmentId));

        // Another company's member with the same key and body on the first company: keys belong to the
        // caller, so this is a new request of its own, refused like any access to another company.
        postWithKey(ownPath, key, assessment, otherMember)
                .statusCode(404)
                .header("Idempotent-Replayed", nullValue())
                .body("id", nullValue())
                .body("type", equalTo(PROBLEMS + "not-found"));
        // On its own company the key simply records its own self-assessment.
        postWithKey("/api/v1/companies/" + other + "/needs-assessments", key, assessment, otherMember)
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .body("companyId", equalTo(other))
                .body("id", org.hamcrest.Matchers.not(equalTo(assessmentId)));

        assertThat(assessmentsOf(own)).isEqualTo(1);
        assertThat(needsAssessedInOutbox(own)).isEqualTo(1);
        assertThat(assessmentsOf(other)).isEqualTo(1);
        assertThat(needsAssessedInOutbox(other)).isEqualTo(1);
        assertThat(TestIdempotencyKeys.count(database, key)).isEqualTo(2);
    }

    @Test
    void a_caller_whose_access_changed_since_never_gets_the_kept_answer() {
        String own = ContactsApi.registeredCompany();
        String other = ContactsApi.registeredCompany();
        String subject = "flyttare-" + UUID.randomUUID() + "@example.se";
        String before = TestTokens.withGroups(
                subject, Set.of(TestTokens.MEMBER), Map.of(TestTokens.COMPANY_ID_CLAIM, own), Duration.ofHours(1));
        String ownPath = "/api/v1/companies/" + own + "/needs-assessments";
        Map<String, Object> assessment = assessment("SUSTAINABILITY", 3);
        String key = UUID.randomUUID().toString();
        postWithKey(ownPath, key, assessment, before).statusCode(201);

        // The same person, same key and body, after moving to another company: the request runs again, and
        // its access check refuses it, instead of the kept 201 for a company that is no longer theirs.
        String moved = TestTokens.withGroups(
                subject, Set.of(TestTokens.MEMBER), Map.of(TestTokens.COMPANY_ID_CLAIM, other), Duration.ofHours(1));
        postWithKey(ownPath, key, assessment, moved)
                .statusCode(404)
                .header("Idempotent-Replayed", nullValue())
                .body("type", equalTo(PROBLEMS + "not-found"));
        // The same subject with another role is another scope as well.
        String partner = TestTokens.withGroups(
                subject,
                Set.of(TestTokens.PARTNER),
                Map.of(TestTokens.PARTNER_ID_CLAIM, "iuc-syd"),
                Duration.ofHours(1));
        postWithKey(ownPath, key, assessment, partner).statusCode(403).header("Idempotent-Replayed", nullValue());
        // With the access it had, the retry still gets the kept answer.
        postWithKey(ownPath, key, assessment, before).statusCode(201).header("Idempotent-Replayed", equalTo("true"));

        assertThat(assessmentsOf(own)).isEqualTo(1);
        assertThat(assessmentsOf(other)).isZero();
    }

    @Test
    void anonymous_keys_are_scoped_by_the_request_so_a_stranger_learns_nothing() {
        String key = UUID.randomUUID().toString();
        String mine = TestOrganisationNumbers.next();
        String receipt = apply("203.0.113.51", key, application(mine, "Min Ansökan AB"))
                .statusCode(202)
                .extract()
                .path("applicationId");
        // A stranger who happens to use the same key with their own application is neither told the key is
        // in use (no 422) nor given the first answer: theirs is a request of its own.
        String theirs = TestOrganisationNumbers.next();
        apply("203.0.113.52", key, application(theirs, "Deras Ansökan AB"))
                .statusCode(202)
                .header("Idempotent-Replayed", nullValue())
                .body("applicationId", not(equalTo(receipt)));
        apply("203.0.113.51", key, application(mine, "Min Ansökan AB"))
                .statusCode(202)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("applicationId", equalTo(receipt));

        assertThat(applicationsFor(mine)).isEqualTo(1);
        assertThat(applicationsFor(theirs)).isEqualTo(1);
    }

    @Test
    void replays_of_a_membership_application_do_not_count_against_the_address_limit() {
        String address = "203.0.113.41";
        String organisationNumber = TestOrganisationNumbers.next();
        Map<String, Object> application = application(organisationNumber, "Omförsök AB");
        String key = UUID.randomUUID().toString();
        String receipt =
                apply(address, key, application).statusCode(202).extract().path("applicationId");
        List<String> others = new java.util.ArrayList<>();
        for (int i = 1; i < applicationLimit; i++) {
            String number = TestOrganisationNumbers.next();
            others.add(number);
            apply(address, UUID.randomUUID().toString(), application(number, "Fyllnad " + i + " AB"))
                    .statusCode(202);
        }
        // The address has used its whole budget; a new application is refused ...
        String refused = TestOrganisationNumbers.next();
        apply(address, UUID.randomUUID().toString(), application(refused, "För Många AB"))
                .statusCode(429)
                .body("type", equalTo(PROBLEMS + "rate-limited"));

        // ... but the first one's retries, more of them than the limit, all get its receipt.
        for (int i = 0; i < applicationLimit + 3; i++) {
            apply(address, key, application)
                    .statusCode(202)
                    .header("Idempotent-Replayed", equalTo("true"))
                    .body("applicationId", equalTo(receipt));
        }
        // Only an exact replay is free: the same key with another body, a new key, or no key at all are
        // limited as before.
        apply(address, key, application(refused, "För Många AB"))
                .statusCode(429)
                .body("type", equalTo(PROBLEMS + "rate-limited"));
        apply(address, UUID.randomUUID().toString(), application(refused, "För Många AB"))
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        apply(address, null, application(refused, "För Många AB")).statusCode(429);

        assertThat(applicationsFor(organisationNumber)).isEqualTo(1);
        assertThat(applicationsFor(refused)).isZero();
        for (String number : others) {
            assertThat(applicationsFor(number)).isEqualTo(1);
        }
        // A refused request leaves no key behind: the client can retry with it once the window has passed.
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.idempotency_key where caller like 'anonymous:%' and key = ?",
                        key))
                .isEqualTo(1);
    }

    private static Map<String, Object> assessment(String focusArea, int priority) {
        return Map.of("needs", List.of(Map.of("focusArea", focusArea, "priority", priority, "note", "anteckning")));
    }

    private static Map<String, Object> application(String organisationNumber, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("company", Map.of("organisationNumber", organisationNumber, "name", name, "municipalityCode", "1081"));
        body.put("contact", Map.of("name", "Nils Holm", "email", "nils.holm@omforsok.example.se", "language", "sv"));
        body.put("consents", List.of("MEETING_INVITATIONS"));
        body.put("acceptsMembershipTerms", true);
        return body;
    }

    private static ValidatableResponse apply(String address, String key, Map<String, Object> body) {
        var request = given().header("X-Forwarded-For", address);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/membership-applications")
                .then();
    }

    private static ValidatableResponse postWithKey(String path, String key, Map<String, Object> body, String token) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private long assessmentsOf(String companyId) {
        return TestSql.queryForLong(
                database, "select count(*) from public.needs_assessment where company_id = ?::uuid", companyId);
    }

    private long needsAssessedInOutbox(String companyId) {
        return TestSql.queryForLong(
                database,
                "select count(*) from platform.outbox where aggregate_id = ? and event_type = ?",
                companyId,
                NEEDS_ASSESSED);
    }

    private long applicationsFor(String organisationNumber) {
        return TestSql.queryForLong(
                database,
                "select count(*) from public.membership_application a join public.company c on c.id = a.company_id"
                        + " where c.organisation_number = ?",
                organisationNumber);
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
