package se.techtank.members.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestManagement;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CompanyResourceTest extends WatchesTopics {

    private static final String PROBLEMS = "https://api.techtank.se/problems/";

    @Inject
    @DataSource("platform")
    AgroalDataSource database;

    private final KafkaTestConsumer companyTopic = watch("members.company.v1");

    @Test
    void registering_a_company_stores_it_normalised_and_publishes_company_registered() {
        String organisationNumber = TestOrganisationNumbers.next();
        String twelveDigits = "16" + organisationNumber.replace("-", "");

        String id = given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "organisationNumber",
                        twelveDigits,
                        "name",
                        "  Karlshamns Gjuteri AB ",
                        "municipalityCode",
                        "1082"))
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("organisationNumber", equalTo(organisationNumber))
                .body("name", equalTo("Karlshamns Gjuteri AB"))
                .body("municipalityCode", equalTo("1082"))
                .body("inBlekinge", equalTo(true))
                .extract()
                .path("id");

        // The row: readable through the API as stored.
        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/companies/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("organisationNumber", equalTo(organisationNumber))
                .body("name", equalTo("Karlshamns Gjuteri AB"));

        // The event: on the topic, keyed by the company id, with the CloudEvents headers, valid by its schema.
        ReceivedEvent event = companyTopic.awaitEvent(e -> id.equals(e.key()));
        assertThat(event.ceType()).isEqualTo("se.techtank.members.company.registered");
        assertThat(event.ceSubject()).isEqualTo(id);
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.header("ce_source")).isEqualTo("/members-service");
        assertThat(event.header("content-type")).isEqualTo("application/json");
        assertThat(event.header("ce_dataschema"))
                .isEqualTo("https://api.techtank.se/contracts/members/company.registered.v1.json");
        assertThat(UUID.fromString(event.ceId())).isNotNull();
        assertThat(OffsetDateTime.parse(event.header("ce_time")))
                .isBefore(OffsetDateTime.now().plusSeconds(1));
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("companyId").asText()).isEqualTo(id);
        assertThat(event.json().get("organisationNumber").asText()).isEqualTo(organisationNumber);
        assertThat(event.json().get("municipalityCode").asText()).isEqualTo("1082");

        // The outbox row: marked sent once the broker acknowledged it.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(outboxSentAt(event.ceId())).isNotNull());
    }

    @Test
    void a_second_registration_of_the_same_number_in_another_form_is_a_conflict() {
        String organisationNumber = TestOrganisationNumbers.next();
        register(organisationNumber, "Ronneby Plåt AB", "1081").then().statusCode(201);

        register(organisationNumber.replace("-", ""), "Ronneby Plåt AB igen", "1081")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "duplicate-organisation-number"))
                .body("status", equalTo(409))
                .body("detail", org.hamcrest.Matchers.containsString(organisationNumber));

        assertThat(companiesWith(organisationNumber)).isEqualTo(1);
        companyTopic.assertNoEvent(
                e -> "Ronneby Plåt AB igen".equals(e.json().path("name").asText()), Duration.ofSeconds(2));
    }

    @Test
    void an_invalid_organisation_number_is_refused_with_the_field_named_and_nothing_is_stored() {
        String valid = TestOrganisationNumbers.next();
        String wrongCheckDigit = valid.substring(0, 10) + ((valid.charAt(10) - '0' + 1) % 10);

        register(wrongCheckDigit, "Sölvesborgs Mekaniska AB", "1083")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("errors.field", containsInAnyOrder("organisationNumber"));

        assertThat(companiesWith(wrongCheckDigit)).isZero();
        assertThat(companiesWith(valid)).isZero();
    }

    @Test
    void every_invalid_field_is_listed() {
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("organisationNumber", "800101-1234", "name", " ", "municipalityCode", "9999"))
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("organisationNumber", "name", "municipalityCode"));

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("organisationNumber", "name", "municipalityCode"));
    }

    @Test
    void malformed_json_and_unknown_fields_are_bad_requests() {
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body("{\"organisationNumber\": \"556036-0793\", \"name\": ")
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "malformed-json"));

        String organisationNumber = TestOrganisationNumbers.next();
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "organisationNumber", organisationNumber,
                        "name", "Olofströms Verktyg AB",
                        "municipalityCode", "1060",
                        "municipality", "Olofström"))
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "unknown-field"))
                .body("errors.field", hasItem("municipality"));
        assertThat(companiesWith(organisationNumber)).isZero();

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body("[1, 2]")
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-json"));
    }

    @Test
    void registering_needs_a_staff_token() {
        String organisationNumber = TestOrganisationNumbers.next();
        Map<String, String> body = Map.of(
                "organisationNumber", organisationNumber, "name", "Karlskrona Marin AB", "municipalityCode", "1080");

        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthenticated"));
        given().auth()
                .oauth2(TestTokens.expiredStaff())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.staffFromWrongIssuer())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(401);
        // A token of the trusted issuer meant for another API (aud) is refused too.
        given().auth()
                .oauth2(TestTokens.staffForAudience("events-service"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.member(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden"));

        assertThat(companiesWith(organisationNumber)).isZero();
    }

    @Test
    void a_member_reads_its_own_company_and_no_other() {
        String own = registered("1082");
        String other = registered("1082");

        given().auth()
                .oauth2(TestTokens.member(UUID.fromString(own)))
                .when()
                .get("/api/v1/companies/" + own)
                .then()
                .statusCode(200)
                .body("id", equalTo(own));
        given().auth()
                .oauth2(TestTokens.member(UUID.fromString(own)))
                .when()
                .get("/api/v1/companies/" + other)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void a_municipality_reads_companies_in_its_municipality_only() {
        String inKarlshamn = registered("1082");
        String inRonneby = registered("1081");

        given().auth()
                .oauth2(TestTokens.municipality("1082"))
                .when()
                .get("/api/v1/companies/" + inKarlshamn)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.municipality("1082"))
                .when()
                .get("/api/v1/companies/" + inRonneby)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.partner("iuc-syd"))
                .when()
                .get("/api/v1/companies/" + inKarlshamn)
                .then()
                .statusCode(403);
        given().when().get("/api/v1/companies/" + inKarlshamn).then().statusCode(401);
    }

    @Test
    void unknown_and_malformed_ids_answer_not_found_as_problem_details() {
        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/companies/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-found"))
                .body("instance", org.hamcrest.Matchers.startsWith("/api/v1/companies/"))
                .body("errorId", nullValue());
        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/companies/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void the_openapi_document_describes_the_api_and_its_security() {
        given().accept("application/json")
                .when()
                .get(TestManagement.url("/q/openapi"))
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Techtank members API"))
                .body("info.contact.name", equalTo("Techtank"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/companies'.post.summary", equalTo("Register a company"))
                .body(
                        "paths.'/api/v1/companies'.post.responses.'409'.description",
                        endsWith("duplicate-organisation-number`)"));
    }

    private static io.restassured.response.Response register(
            String organisationNumber, String name, String municipality) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("organisationNumber", organisationNumber, "name", name, "municipalityCode", municipality))
                .when()
                .post("/api/v1/companies");
    }

    private static String registered(String municipality) {
        return register(TestOrganisationNumbers.next(), "Testföretaget AB", municipality)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private long companiesWith(String organisationNumber) {
        return TestSql.queryForLong(
                database, "select count(*) from public.company where organisation_number = ?", organisationNumber);
    }

    private String outboxSentAt(String eventId) {
        return TestSql.queryForString(database, "select sent_at from platform.outbox where id = ?::uuid", eventId);
    }
}
