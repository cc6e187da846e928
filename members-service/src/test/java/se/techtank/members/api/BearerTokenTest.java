package se.techtank.members.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * A client sends the same bearer token with every request; its signature is verified once and then
 * remembered (platform {@code VerifiedTokens}, ADR 0011), but never for a token that differs from it.
 */
@QuarkusTest
class BearerTokenTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void the_same_token_is_verified_once_and_a_forged_one_is_refused_while_the_genuine_one_is_remembered() {
        String genuine = TestTokens.withGroups(
                "clerk@techtank.test", Set.of(TestTokens.STAFF), Map.of(), Duration.ofMinutes(10));
        double verifiedBefore = count("miss");
        double rememberedBefore = count("hit");

        listWith(genuine, 200);
        listWith(genuine, 200);
        assertThat(count("miss") - verifiedBefore).isEqualTo(1);
        assertThat(count("hit") - rememberedBefore).isEqualTo(1);

        String[] parts = genuine.split("\\.");
        // Another signature: one character in the middle of it changed.
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        listWith(parts[0] + "." + parts[1] + "." + new String(signature), 401);
        // The genuine signature over altered claims (another subject).
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("clerk@techtank.test", "boss@techtank.test");
        String swapped =
                Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        listWith(parts[0] + "." + swapped + "." + parts[2], 401);

        listWith(genuine, 200);
        assertThat(count("hit") - rememberedBefore).isEqualTo(2);
    }

    private static void listWith(String token, int status) {
        var response = given().auth()
                .oauth2(token)
                .queryParam("size", 1)
                .when()
                .get("/api/v1/companies")
                .then()
                .statusCode(status);
        if (status == 401) {
            response.body("type", endsWith("/unauthenticated"));
        }
    }

    private double count(String result) {
        var counter = metrics.find("verified_tokens").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
