package se.techtank.members.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.techtank.members.service.MembershipService;
import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Applying for membership and the lifecycle APPLIED → ACTIVE ⇄ SUSPENDED → TERMINATED, APPLIED → REJECTED. */
@QuarkusTest
class MembershipTest extends WatchesTopics {

    private static final String PROBLEMS = "https://api.techtank.se/problems/";
    private static final String EVENT = "se.techtank.members.company.";

    @Inject
    AgroalDataSource database;

    @Inject
    MembershipService memberships;

    private final KafkaTestConsumer companyTopic = watch("members.company.v1");
    /** Each test applies from an address of its own, so that the per-address limit is the test's alone. */
    private String clientAddress;

    @BeforeEach
    void setUp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        clientAddress = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    @Test
    void an_anonymous_application_registers_the_company_and_puts_it_in_applied() {
        String organisationNumber = TestOrganisationNumbers.next();

        String applicationId = apply(application(organisationNumber, "Nya Verkstaden AB", 12))
                .statusCode(202)
                .body("status", equalTo("APPLIED"))
                .body("applicationId", notNullValue())
                .extract()
                .path("applicationId");

        String companyId = companyIdOf(organisationNumber);
        staff().get("/api/v1/companies/" + companyId + "/membership")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPLIED"));
        // The applying person is a contact of the company, with the consents given.
        String contactId = TestSql.queryForString(
                database, "select contact_id from membership_application where id = ?::uuid", applicationId);
        assertThat(TestSql.queryForString(
                        database, "select email || ' ' || language from contact where id = ?::uuid", contactId))
                .isEqualTo("Anna.Svensson@example.se sv");
        assertThat(TestSql.queryForString(
                        database,
                        "select string_agg(consent, ',') from contact_consent where contact_id = ?::uuid and given",
                        contactId))
                .isEqualTo("MEETING_INVITATIONS");
        ReceivedEvent registered =
                companyTopic.awaitEvent(e -> companyId.equals(e.key()) && (EVENT + "registered").equals(e.ceType()));
        ReceivedEvent applied = awaitEvent(companyId, "membership-applied");
        assertThat(applied.offset()).isGreaterThan(registered.offset());
        assertThat(applied.json().get("membership").get("status").asText()).isEqualTo("APPLIED");
        staff().get("/api/v1/companies/" + companyId + "/membership/history")
                .then()
                .body("to", contains("APPLIED"))
                .body("actor", contains("anonymous"));
    }

    @Test
    void an_application_never_overwrites_an_existing_companys_data() {
        String organisationNumber = TestOrganisationNumbers.next();
        String companyId = register(organisationNumber, "Original Namn AB", 30);

        apply(application(organisationNumber, "Overwritten AB", 1)).statusCode(202);

        staff().get("/api/v1/companies/" + companyId)
                .then()
                .body("name", equalTo("Original Namn AB"))
                .body("numberOfEmployees", equalTo(30))
                .body("membershipStatus", equalTo("APPLIED"));
        apply(application(organisationNumber, "Again AB", 1))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-membership-transition"))
                .body("detail", containsString("APPLIED"));
    }

    @Test
    void the_whole_lifecycle_is_kept_as_history_and_published() {
        String companyId = appliedCompany(42);

        command(companyId, "approve", Map.of("startDate", LocalDate.now().toString()))
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("feeTier", equalTo("TIER_2"))
                .body("validUntil", equalTo(LocalDate.now().getYear() + "-12-31"));
        awaitEvent(companyId, "membership-activated");
        command(companyId, "suspend", Map.of("reason", "Unpaid invoice"))
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        awaitEvent(companyId, "membership-suspended");
        command(companyId, "resume", null).statusCode(200).body("status", equalTo("ACTIVE"));
        command(companyId, "terminate", Map.of("reason", "The company was sold"))
                .statusCode(200)
                .body("status", equalTo("TERMINATED"));
        awaitEvent(companyId, "membership-terminated");

        staff().get("/api/v1/companies/" + companyId + "/membership/history")
                .then()
                .body("to", contains("APPLIED", "ACTIVE", "SUSPENDED", "ACTIVE", "TERMINATED"))
                .body("from", contains(null, "APPLIED", "ACTIVE", "SUSPENDED", "ACTIVE"))
                .body("reason[2]", equalTo("Unpaid invoice"))
                .body("actor[1]", equalTo(TestTokens.STAFF_SUBJECT));
        staff().get("/api/v1/companies?membershipStatus=TERMINATED&q=" + organisationNumberOf(companyId))
                .then()
                .body("items.id", contains(companyId));
    }

    @Test
    void illegal_transitions_are_conflicts_naming_the_current_state() {
        String companyId = appliedCompany(5);

        command(companyId, "resume", null)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-membership-transition"))
                .body("detail", containsString("APPLIED"));
        command(companyId, "approve", Map.of()).statusCode(200);
        command(companyId, "approve", Map.of()).statusCode(409).body("detail", containsString("ACTIVE"));
        command(companyId, "reject", Map.of("reason", "late")).statusCode(409);

        staff().get("/api/v1/companies/" + companyId + "/membership/history")
                .then()
                .body("to", contains("APPLIED", "ACTIVE"));
    }

    @Test
    void approval_needs_the_company_size_and_a_rejected_company_may_apply_again() {
        String organisationNumber = TestOrganisationNumbers.next();
        apply(application(organisationNumber, "Storlek Okänd AB", null)).statusCode(202);
        String companyId = companyIdOf(organisationNumber);

        command(companyId, "approve", Map.of())
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "membership-size-unknown"));
        command(companyId, "reject", Map.of()).statusCode(422).body("errors.field", contains("reason"));
        command(companyId, "reject", Map.of("reason", "Not a manufacturing company"))
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        awaitEvent(companyId, "membership-rejected");

        apply(application(organisationNumber, "Storlek Okänd AB", null)).statusCode(202);
        staff().get("/api/v1/companies/" + companyId + "/membership").then().body("status", equalTo("APPLIED"));
    }

    @Test
    void bad_applications_are_refused_with_the_fields_named_and_nothing_stored() {
        String organisationNumber = TestOrganisationNumbers.next();
        Map<String, Object> body = application(organisationNumber, "Felaktig AB", 3);
        body.put("acceptsMembershipTerms", false);
        body.put("contact", Map.of("name", "Anna", "email", "not-an-email", "language", "de"));

        apply(body)
                .statusCode(422)
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "acceptsMembershipTerms", "contact.email", "contact.language"));
        Map<String, Object> unknown = application(organisationNumber, "Felaktig AB", 3);
        unknown.put("membershipStatus", "ACTIVE");
        apply(unknown).statusCode(400).body("type", equalTo(PROBLEMS + "unknown-field"));

        assertThat(TestSql.queryForLong(
                        database, "select count(*) from company where organisation_number = ?", organisationNumber))
                .isZero();
    }

    @Test
    void applications_from_one_address_are_rate_limited() {
        for (int i = 0; i < 5; i++) {
            apply(application(TestOrganisationNumbers.next(), "Flood " + i + " AB", 1))
                    .statusCode(202);
        }

        String refused = TestOrganisationNumbers.next();
        apply(application(refused, "Flood 5 AB", 1))
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", equalTo(PROBLEMS + "rate-limited"));
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from company where organisation_number = ?", refused))
                .isZero();

        clientAddress = "192.0.2.77";
        apply(application(TestOrganisationNumbers.next(), "Other Address AB", 1))
                .statusCode(202);
    }

    @Test
    void only_staff_change_memberships_and_members_read_only_their_own() {
        String own = appliedCompany(8);
        String other = appliedCompany(8);
        String member = TestTokens.member(UUID.fromString(own));

        given().auth()
                .oauth2(member)
                .when()
                .get("/api/v1/companies/" + own + "/membership")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(member)
                .when()
                .get("/api/v1/companies/" + other + "/membership")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(member)
                .when()
                .get("/api/v1/companies/" + other + "/membership/history")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/v1/companies/" + own + "/membership/approve")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.municipality("1082"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/v1/companies/" + own + "/membership/approve")
                .then()
                .statusCode(403);
        given().when().get("/api/v1/companies/" + own + "/membership").then().statusCode(401);
        staff().get("/api/v1/companies/" + own + "/membership").then().body("status", equalTo("APPLIED"));
    }

    @Test
    void memberships_not_renewed_are_suspended_by_the_nightly_job_and_renewal_reactivates_them() throws Exception {
        String companyId = appliedCompany(300);
        int lastYear = LocalDate.now().getYear() - 1;
        command(companyId, "approve", Map.of("startDate", lastYear + "-03-01"))
                .statusCode(200)
                .body("validUntil", equalTo(lastYear + "-12-31"))
                .body("feeTier", equalTo("TIER_4"));

        // Another replica runs the job: this one finds the lock taken and does nothing.
        try (Connection otherReplica = database.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement(
                    "select pg_advisory_xact_lock(hashtext('members.membership-renewal'))")) {
                lock.execute();
            }
            assertThat(memberships.suspendLapsed(LocalDate.now())).isEqualTo(-1);
            otherReplica.rollback();
        }
        staff().get("/api/v1/companies/" + companyId + "/membership").then().body("status", equalTo("ACTIVE"));

        assertThat(memberships.suspendLapsed(LocalDate.now())).isPositive();

        staff().get("/api/v1/companies/" + companyId + "/membership/history")
                .then()
                .body("to[2]", equalTo("SUSPENDED"))
                .body("reason[2]", equalTo("NOT_RENEWED"))
                .body("actor[2]", equalTo("system:membership-renewal"));
        awaitEvent(companyId, "membership-suspended");

        int thisYear = LocalDate.now().getYear();
        command(companyId, "renewals", Map.of("year", thisYear)).statusCode(200).body("status", equalTo("ACTIVE"));
        awaitEvent(companyId, "membership-activated");
        command(companyId, "renewals", Map.of("year", thisYear + 1))
                .statusCode(200)
                .body("validUntil", equalTo((thisYear + 1) + "-12-31"));
        ReceivedEvent renewed = awaitEvent(companyId, "updated");
        assertThat(renewed.json().get("membership").get("validUntil").asText()).isEqualTo((thisYear + 1) + "-12-31");
        command(companyId, "renewals", Map.of("year", 1999)).statusCode(422);
    }

    private ReceivedEvent awaitEvent(String companyId, String fact) {
        ReceivedEvent event =
                companyTopic.awaitEvent(e -> companyId.equals(e.key()) && (EVENT + fact).equals(e.ceType()));
        assertThat(event.header("ce_dataschema"))
                .isEqualTo("https://api.techtank.se/contracts/members/company." + fact + ".v1.json");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        return event;
    }

    private ValidatableResponse apply(Map<String, Object> body) {
        return given().header("X-Forwarded-For", clientAddress)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/membership-applications")
                .then();
    }

    private static Map<String, Object> application(String organisationNumber, String name, Integer employees) {
        Map<String, Object> company = new HashMap<>(
                Map.of("organisationNumber", organisationNumber, "name", name, "municipalityCode", "1082"));
        if (employees != null) {
            company.put("numberOfEmployees", employees);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("company", company);
        body.put("contact", Map.of("name", "Anna Svensson", "email", "Anna.Svensson@example.se", "language", "sv"));
        body.put("consents", List.of("MEETING_INVITATIONS"));
        body.put("acceptsMembershipTerms", true);
        return body;
    }

    private String appliedCompany(int employees) {
        String organisationNumber = TestOrganisationNumbers.next();
        apply(application(organisationNumber, "Ansökande AB", employees)).statusCode(202);
        return companyIdOf(organisationNumber);
    }

    private String companyIdOf(String organisationNumber) {
        return TestSql.queryForString(
                database, "select id from company where organisation_number = ?", organisationNumber);
    }

    private String organisationNumberOf(String companyId) {
        return TestSql.queryForString(
                database, "select organisation_number from company where id = ?::uuid", companyId);
    }

    private static String register(String organisationNumber, String name, int employees) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "organisationNumber", organisationNumber,
                        "name", name,
                        "municipalityCode", "1082",
                        "numberOfEmployees", employees))
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.specification.RequestSpecification staff() {
        return given().auth().oauth2(TestTokens.staff()).when();
    }

    private static ValidatableResponse command(String companyId, String command, Map<String, Object> body) {
        var request = given().auth().oauth2(TestTokens.staff());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when()
                .post("/api/v1/companies/" + companyId + "/membership/" + command)
                .then();
    }
}
