package se.techtank.members.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The company profile (SNI, size, website, address) and updating it with optimistic concurrency. */
@QuarkusTest
class CompanyProfileTest extends WatchesTopics {

    private static final String PROBLEMS = "https://api.techtank.se/problems/";

    private final KafkaTestConsumer companyTopic = watch("members.company.v1");

    @Test
    void a_full_profile_is_stored_normalised_with_derived_legal_form_and_size_class() {
        String organisationNumber = TestOrganisationNumbers.next();

        String id = given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "organisationNumber",
                        organisationNumber,
                        "name",
                        "Olofströms Pressverktyg AB",
                        "municipalityCode",
                        "1060",
                        "sni",
                        Map.of("primary", "25500", "secondary", List.of("28.41")),
                        "numberOfEmployees",
                        42,
                        "website",
                        "https://www.pressverktyg.example.se",
                        "postalAddress",
                        Map.of("street", "Industrivägen 4", "postalCode", "29338", "city", "Olofström")))
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .body("legalForm", equalTo("LIMITED_COMPANY"))
                .body("sni.primary", equalTo("25.500"))
                .body("sni.secondary", containsInAnyOrder("28.41"))
                .body("sizeClass", equalTo("SMALL"))
                .body("postalAddress.postalCode", equalTo("293 38"))
                .extract()
                .path("id");

        ReceivedEvent event = companyTopic.awaitEvent(e -> id.equals(e.key()));
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("primarySni").asText()).isEqualTo("25.500");
        assertThat(event.json().get("sniSection").asText()).isEqualTo("C");
        assertThat(event.json().get("sizeClass").asText()).isEqualTo("SMALL");
        assertThat(event.json().get("legalForm").asText()).isEqualTo("LIMITED_COMPANY");
        assertThat(event.json().has("postalAddress")).as("no address on Kafka").isFalse();
    }

    @Test
    void an_update_with_the_current_etag_replaces_the_profile_and_publishes_company_updated() {
        String id = registered("1081");
        String etag = read(id).extract().header("ETag");

        String newEtag = update(TestTokens.staff(), id, etag, profile("Ronneby Plåt & Laser AB", "1081", 260))
                .statusCode(200)
                .body("name", equalTo("Ronneby Plåt & Laser AB"))
                .body("sizeClass", equalTo("LARGE"))
                .header("ETag", not(equalTo(etag)))
                .extract()
                .header("ETag");

        read(id).body("name", equalTo("Ronneby Plåt & Laser AB")).header("ETag", equalTo(newEtag));
        ReceivedEvent event = companyTopic.awaitEvent(
                e -> id.equals(e.key()) && "se.techtank.members.company.updated".equals(e.ceType()));
        assertThat(event.header("ce_dataschema"))
                .isEqualTo("https://api.techtank.se/contracts/members/company.updated.v1.json");
        Contracts.assertValid(event.header("ce_dataschema"), event.value());
        assertThat(event.json().get("name").asText()).isEqualTo("Ronneby Plåt & Laser AB");
        assertThat(event.json().get("numberOfEmployees").asInt()).isEqualTo(260);
    }

    @Test
    void an_update_that_changes_nothing_publishes_nothing() {
        String id = registered("1082");
        String etag = read(id).extract().header("ETag");

        update(TestTokens.staff(), id, etag, profile("Testföretaget AB", "1082", null))
                .statusCode(200)
                .header("ETag", equalTo(etag));

        companyTopic.assertNoEvent(
                e -> id.equals(e.key()) && "se.techtank.members.company.updated".equals(e.ceType()),
                Duration.ofSeconds(2));
    }

    @Test
    void a_stale_etag_is_refused_and_the_newer_profile_kept() {
        String id = registered("1083");
        String etag = read(id).extract().header("ETag");
        update(TestTokens.staff(), id, etag, profile("First Editor AB", "1083", 5))
                .statusCode(200);

        update(TestTokens.staff(), id, etag, profile("Second Editor AB", "1083", 5))
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "stale-version"));

        read(id).body("name", equalTo("First Editor AB"));
    }

    @Test
    void an_update_without_if_match_or_with_a_malformed_one_is_refused() {
        String id = registered("1060");

        update(TestTokens.staff(), id, null, profile("No Etag AB", "1060", 1))
                .statusCode(428)
                .body("type", equalTo(PROBLEMS + "if-match-required"));
        update(TestTokens.staff(), id, "\"abc\"", profile("Bad Etag AB", "1060", 1))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("If-Match"));
        read(id).body("name", equalTo("Testföretaget AB"));
    }

    @Test
    void invalid_profile_fields_are_listed() {
        String id = registered("1060");
        String etag = read(id).extract().header("ETag");

        update(
                        TestTokens.staff(),
                        id,
                        etag,
                        Map.of(
                                "name",
                                "Olofström AB",
                                "municipalityCode",
                                "1060",
                                "sni",
                                Map.of("primary", "04.100", "secondary", List.of("2")),
                                "numberOfEmployees",
                                -3,
                                "website",
                                "ftp://example.se",
                                "postalAddress",
                                Map.of("postalCode", "2933", "city", "")))
                .statusCode(422)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "sni.primary",
                                "sni.secondary[0]",
                                "numberOfEmployees",
                                "website",
                                "postalAddress.postalCode",
                                "postalAddress.city"));
        update(
                        TestTokens.staff(),
                        id,
                        etag,
                        Map.of("name", "X AB", "municipalityCode", "1060", "organisationNumber", "556036-0793"))
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "unknown-field"));
    }

    @Test
    void a_member_updates_its_own_company_and_no_other_and_a_municipality_cannot_update() {
        String own = registered("1082");
        String other = registered("1082");
        String memberToken = TestTokens.member(UUID.fromString(own));

        update(memberToken, own, read(own).extract().header("ETag"), profile("Own Company AB", "1082", 12))
                .statusCode(200)
                .body("name", equalTo("Own Company AB"));
        update(memberToken, other, read(other).extract().header("ETag"), profile("Hijacked AB", "1082", 12))
                .statusCode(404);
        update(TestTokens.municipality("1082"), own, read(own).extract().header("ETag"), profile("Muni AB", "1082", 1))
                .statusCode(403);

        read(other).body("name", equalTo("Testföretaget AB"));
        read(own).body("name", equalTo("Own Company AB"));
    }

    private static Map<String, Object> profile(String name, String municipality, Integer employees) {
        return employees == null
                ? Map.of("name", name, "municipalityCode", municipality)
                : Map.of("name", name, "municipalityCode", municipality, "numberOfEmployees", employees);
    }

    private static ValidatableResponse update(String token, String id, String etag, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.when().put("/api/v1/companies/" + id).then();
    }

    /** The company as staff read it: 200, with its body and ETag. */
    static ValidatableResponse read(String id) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/companies/" + id)
                .then()
                .statusCode(200);
    }

    private static String registered(String municipality) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "organisationNumber",
                        TestOrganisationNumbers.next(),
                        "name",
                        "Testföretaget AB",
                        "municipalityCode",
                        municipality))
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
