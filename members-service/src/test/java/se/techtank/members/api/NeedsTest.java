package se.techtank.members.api;

import java.time.LocalDate;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** Needs assessments (behovsanalys), the current needs per focus area, and matching by need. */
@QuarkusTest
class NeedsTest extends WatchesTopics {

    private final KafkaTestConsumer companyTopic = watch("members.company.v1");

    @Test
    void the_current_needs_are_the_latest_priority_per_area_and_are_published() {
        String companyId = registered("Behov AB");

        assess(TestTokens.staff(), companyId, "2026-09-01", Map.of("AUTOMATION", 5, "SUSTAINABILITY", 2))
                .statusCode(201)
                .body("selfAssessment", equalTo(false))
                .body("assessedBy", equalTo(TestTokens.STAFF_SUBJECT));
        assess(TestTokens.staff(), companyId, "2026-10-01", Map.of("SUSTAINABILITY", 4))
                .statusCode(201);
        // An older assessment recorded afterwards does not undo the newer priority.
        assess(TestTokens.staff(), companyId, "2026-08-01", Map.of("SUSTAINABILITY", 1, "NEW_MARKETS", 3))
                .statusCode(201);

        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/companies/" + companyId + "/needs")
                .then()
                .statusCode(200)
                .body("needs.focusArea", contains("AUTOMATION", "SUSTAINABILITY", "NEW_MARKETS"))
                .body("needs.priority", contains(5, 4, 3));
        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/companies/" + companyId + "/needs-assessments")
                .then()
                .body("assessedOn", contains("2026-10-01", "2026-09-01", "2026-08-01"));

        List<ReceivedEvent> events = companyTopic.awaitEvents(
                3,
                e -> companyId.equals(e.key()) && "se.techtank.members.company.needs-assessed".equals(e.ceType()),
                java.time.Duration.ofSeconds(30));
        ReceivedEvent last = events.get(2);
        Contracts.assertValid(last.header("ce_dataschema"), last.value());
        assertThat(last.json().get("needs").findValuesAsText("focusArea"))
                .containsExactly("AUTOMATION", "SUSTAINABILITY", "NEW_MARKETS");
    }

    @Test
    void a_member_assesses_its_own_company_as_a_self_assessment_and_no_other() {
        String own = registered("Självskattning AB");
        String other = registered("Annat AB");
        String member = TestTokens.member(UUID.fromString(own));

        assess(member, own, null, Map.of("DIGITALISATION", 4))
                .statusCode(201)
                .body("selfAssessment", equalTo(true))
                .body(
                        "assessedOn",
                        equalTo(LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"))
                                .toString()));
        assess(member, other, null, Map.of("DIGITALISATION", 4)).statusCode(404);
        assess(TestTokens.municipality("1082"), own, null, Map.of("DIGITALISATION", 4))
                .statusCode(403);
        given().when().get("/api/v1/companies/" + own + "/needs").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/companies/" + other + "/needs")
                .then()
                .body("needs", org.hamcrest.Matchers.empty());
    }

    @Test
    void bad_assessments_are_refused_with_the_fields_named() {
        String companyId = registered("Felbedömning AB");

        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "assessedOn", LocalDate.now().plusDays(10).toString(),
                        "needs", List.of(Map.of("focusArea", "AUTOMATION", "priority", 6))))
                .when()
                .post("/api/v1/companies/" + companyId + "/needs-assessments")
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("assessedOn", "needs[0].priority"));
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("needs", List.of(Map.of("focusArea", "BAKING", "priority", 3))))
                .when()
                .post("/api/v1/companies/" + companyId + "/needs-assessments")
                .then()
                .statusCode(400)
                .body("errors.field", contains("needs[0].focusArea"));
        assessAsListed(companyId, List.of(need("AUTOMATION", 3), need("AUTOMATION", 4)))
                .statusCode(422)
                .body("errors.field", contains("needs"));
        // An area twice and a priority out of range: both in the one answer.
        assessAsListed(companyId, List.of(need("AUTOMATION", 9), need("AUTOMATION", 4)))
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("needs", "needs[0].priority"));
        assess(TestTokens.staff(), companyId, null, Map.of()).statusCode(422);

        given().auth()
                .oauth2(TestTokens.staff())
                .when()
                .get("/api/v1/companies/" + companyId + "/needs-assessments")
                .then()
                .body("", org.hamcrest.Matchers.empty());
    }

    @Test
    void companies_are_listed_by_need_at_priority_three_or_more() {
        String token = "n" + UUID.randomUUID().toString().substring(0, 8);
        String urgent = registered("Brådskande " + token);
        String mild = registered("Lindrig " + token);
        assess(TestTokens.staff(), urgent, null, Map.of("SMART_MATERIALS", 3)).statusCode(201);
        assess(TestTokens.staff(), mild, null, Map.of("SMART_MATERIALS", 2)).statusCode(201);

        given().auth()
                .oauth2(TestTokens.staff())
                .queryParam("q", token)
                .queryParam("focusArea", "SMART_MATERIALS")
                .when()
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("items.id", contains(urgent));
    }

    /** Staff record the needs exactly as listed (an area may come twice, unlike with {@link #assess}). */
    private static ValidatableResponse assessAsListed(String companyId, List<Map<String, Object>> needs) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("needs", needs))
                .when()
                .post("/api/v1/companies/" + companyId + "/needs-assessments")
                .then();
    }

    private static Map<String, Object> need(String focusArea, int priority) {
        return Map.of("focusArea", focusArea, "priority", priority);
    }

    private static ValidatableResponse assess(
            String token, String companyId, String assessedOn, Map<String, Integer> needs) {
        List<Map<String, Object>> items = needs.entrySet().stream()
                .map(e ->
                        Map.<String, Object>of("focusArea", e.getKey(), "priority", e.getValue(), "note", "anteckning"))
                .toList();
        Map<String, Object> body =
                assessedOn == null ? Map.of("needs", items) : Map.of("assessedOn", assessedOn, "needs", items);
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/companies/" + companyId + "/needs-assessments")
                .then();
    }

    private static String registered(String name) {
        return given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "organisationNumber", TestOrganisationNumbers.next(), "name", name, "municipalityCode", "1082"))
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
