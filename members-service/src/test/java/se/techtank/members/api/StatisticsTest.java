package se.techtank.members.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Statistics for the owners. Each test's companies are in a municipality of Norrbotten that no other
 * test uses (Kiruna 2584, Luleå 2580), so that the figures are the test's own.
 */
@QuarkusTest
class StatisticsTest {

    private static final String KIRUNA = "2584";
    private static final String LULEA = "2580";

    @Test
    void figures_by_municipality_and_status_size_sni_section_and_needs_without_personal_data() {
        String micro = register("Kiruna Svets AB", 5, "25.110");
        String medium = register("Kiruna Mjukvara AB", 60, "62.010");
        register("Kiruna Okänd AB", null, null);
        given().header("X-Forwarded-For", "198.51.100.7")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "company",
                                Map.of(
                                        "organisationNumber",
                                        organisationNumberOf(micro),
                                        "name",
                                        "x",
                                        "municipalityCode",
                                        KIRUNA),
                        "contact", Map.of("name", "Anna Svensson", "email", "anna@example.se", "language", "sv"),
                        "acceptsMembershipTerms", true))
                .when()
                .post("/api/v1/membership-applications")
                .then()
                .statusCode(202);
        staff().contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/companies/" + micro + "/membership/approve")
                .then()
                .statusCode(200);
        assess(micro, Map.of("AUTOMATION", 5));
        assess(medium, Map.of("AUTOMATION", 3, "SUSTAINABILITY", 2));

        statistics(TestTokens.staff(), KIRUNA)
                .statusCode(200)
                .body("companies", equalTo(3))
                .body("byMunicipalityAndStatus", equalTo(Map.of(KIRUNA, Map.of("ACTIVE", 1, "NONE", 2))))
                .body("bySizeClass", equalTo(Map.of("MICRO", 1, "MEDIUM", 1, "UNKNOWN", 1)))
                .body("bySniSection", equalTo(Map.of("C", 1, "J", 1, "UNKNOWN", 1)))
                .body(
                        "needsByFocusArea",
                        equalTo(Map.of("AUTOMATION", Map.of("3", 1, "5", 1), "SUSTAINABILITY", Map.of("2", 1))))
                .body(not(org.hamcrest.Matchers.containsString("Kiruna Svets AB")))
                .body(not(org.hamcrest.Matchers.containsString("anna@example.se")));
    }

    @Test
    void a_municipality_sees_only_its_own_figures() {
        register("Luleå Stålteknik AB", 12, "24.100", LULEA);
        String municipality = TestTokens.municipality(LULEA);

        statistics(municipality, null)
                .statusCode(200)
                .body("companies", equalTo(1))
                .body("byMunicipalityAndStatus", equalTo(Map.of(LULEA, Map.of("NONE", 1))));
        statistics(municipality, "1082").statusCode(200).body("companies", equalTo(0));
        statistics(TestTokens.member(UUID.randomUUID()), null).statusCode(403);
        statistics(TestTokens.partner("iuc-syd"), null).statusCode(403);
        given().when().get("/api/v1/statistics/members").then().statusCode(401);
        statistics(TestTokens.staff(), "99")
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("municipality"));
    }

    private static ValidatableResponse statistics(String token, String municipality) {
        var request = given().auth().oauth2(token);
        if (municipality != null) {
            request = request.queryParam("municipality", municipality);
        }
        return request.when().get("/api/v1/statistics/members").then();
    }

    private static void assess(String companyId, Map<String, Integer> needs) {
        staff().contentType(ContentType.JSON)
                .body(Map.of(
                        "needs",
                        needs.entrySet().stream()
                                .map(e -> Map.of("focusArea", e.getKey(), "priority", e.getValue()))
                                .toList()))
                .post("/api/v1/companies/" + companyId + "/needs-assessments")
                .then()
                .statusCode(201);
    }

    private static String register(String name, Integer employees, String sni) {
        return register(name, employees, sni, KIRUNA);
    }

    private static String register(String name, Integer employees, String sni, String municipality) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "organisationNumber", TestOrganisationNumbers.next(), "name", name, "municipalityCode", municipality));
        if (employees != null) {
            body.put("numberOfEmployees", employees);
        }
        if (sni != null) {
            body.put("sni", Map.of("primary", sni, "secondary", List.of()));
        }
        return staff().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String organisationNumberOf(String companyId) {
        return staff().get("/api/v1/companies/" + companyId).then().extract().path("organisationNumber");
    }

    private static io.restassured.specification.RequestSpecification staff() {
        return given().auth().oauth2(TestTokens.staff()).when();
    }
}
