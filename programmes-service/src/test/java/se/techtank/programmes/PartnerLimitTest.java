package se.techtank.programmes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;

/** A partner IUC's applications and eligibility checks count against its own limit; others' do not. */
@QuarkusTest
class PartnerLimitTest {

    @Test
    void a_partner_over_its_limit_is_answered_429_with_retry_after_and_another_partner_is_not() {
        // A partner of its own, so that no other test's requests count against the limit.
        String partner = "limit-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of("id", partner, "name", "Gräns-IUC", "counties", List.of("12")))
                .when()
                .post("/api/v1/partners")
                .then()
                .statusCode(201);
        String intake = ProgrammesApi.openIntake(ProgrammesApi.noRules(), 10);
        String token = TestTokens.partner(partner);
        Map<String, Object> body =
                ProgrammesApi.declaredApplication(TestOrganisationNumbers.next(), "1280", 12, "SMALL", "25.110");

        for (int i = 0; i < 60; i++) { // the default limit: 60 a minute
            ProgrammesApi.checkEligibility(token, intake, body).statusCode(200);
        }
        ProgrammesApi.checkEligibility(token, intake, body)
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", endsWith("/rate-limited"));
        ProgrammesApi.apply(token, intake, body).statusCode(429);

        // Another partner, and staff, are not held up.
        ProgrammesApi.checkEligibility(TestTokens.partner("iuc-syd"), intake, body)
                .statusCode(200);
        ProgrammesApi.apply(TestTokens.staff(), intake, body).statusCode(201);
    }
}
