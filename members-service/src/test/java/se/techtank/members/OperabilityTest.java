package se.techtank.members;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.OpenApiSnapshot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What an operator and a frontend developer rely on: health, metrics, the API document. */
@QuarkusTest
class OperabilityTest {

    @TestHTTPResource("/q/openapi")
    URL openApi;

    @Test
    void readiness_covers_the_database_kafka_and_the_outbox() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "outbox"))
                .body("checks.find { it.name == 'outbox' }.data.unsentRows", org.hamcrest.Matchers.notNullValue());
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void prometheus_metrics_include_the_outbox_backlog() {
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("outbox_unsent_rows"))
                .body(containsString("outbox_oldest_unsent_age_seconds"));
    }

    @Test
    void the_openapi_document_has_a_title_contact_and_the_bearer_scheme() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Techtank members API"))
                .body("info.version", equalTo("1.0.0"))
                .body("info.contact.email", equalTo("info@techtank.se"))
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void the_committed_openapi_document_matches_the_served_one() {
        OpenApiSnapshot.assertMatchesCommittedCopy(openApi, "members-service");
    }
}
