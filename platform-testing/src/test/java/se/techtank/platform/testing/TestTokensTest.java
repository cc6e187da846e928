package se.techtank.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Verifies the tokens as a service does: signature with the platform's public key, issuer, expiry. */
class TestTokensTest {

    private static JwtConsumer verifier;

    @BeforeAll
    static void readPublicKey() throws Exception {
        Path pem = Contracts.root().resolve("platform/src/main/resources/techtank/jwt/local-dev-only-public-key.pem");
        String base64 = Files.readString(pem)
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        verifier = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(TestTokens.ISSUER)
                .setExpectedAudience("members-service")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .build();
    }

    @Test
    void a_staff_token_is_signed_rs256_by_the_local_issuer_for_an_hour() throws Exception {
        String token = TestTokens.staff();

        JwtClaims claims = verifier.processToClaims(token);
        assertThat(JsonWebStructure.fromCompactSerialization(token).getAlgorithmHeaderValue())
                .isEqualTo("RS256");
        assertThat(claims.getIssuer()).isEqualTo("https://auth.local.techtank.dev");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("staff");
        assertThat(claims.getSubject()).isEqualTo(TestTokens.STAFF_SUBJECT);
        assertThat(claims.getStringClaimValue("upn")).isEqualTo(TestTokens.STAFF_SUBJECT);
        assertThat(claims.getJwtId()).isNotBlank();
        long expiresIn = claims.getExpirationTime().getValue() - Instant.now().getEpochSecond();
        assertThat(expiresIn).isCloseTo(3600L, within(60L));
    }

    @Test
    void a_member_token_carries_the_company() throws Exception {
        UUID companyId = UUID.randomUUID();

        JwtClaims claims = verifier.processToClaims(TestTokens.member(companyId));

        assertThat(claims.getStringListClaimValue("groups")).containsExactly("member");
        assertThat(claims.getStringClaimValue("company_id")).isEqualTo(companyId.toString());
    }

    @Test
    void partner_and_municipality_tokens_carry_their_claims() throws Exception {
        JwtClaims partner = verifier.processToClaims(TestTokens.partner("iuc-kalmar"));
        JwtClaims municipality = verifier.processToClaims(TestTokens.municipality("1080"));

        assertThat(partner.getStringListClaimValue("groups")).containsExactly("partner");
        assertThat(partner.getStringClaimValue("partner_id")).isEqualTo("iuc-kalmar");
        assertThat(municipality.getStringListClaimValue("groups")).containsExactly("municipality");
        assertThat(municipality.getStringClaimValue("municipality_code")).isEqualTo("1080");
    }

    @Test
    void custom_tokens_carry_any_groups_claims_and_lifetime() throws Exception {
        UUID id = UUID.randomUUID();
        String token = TestTokens.withGroups(
                "someone", Set.of("staff", "member"), Map.of("company_id", id, "level", 3), Duration.ofMinutes(5));

        JwtClaims claims = verifier.processToClaims(token);

        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("staff", "member");
        assertThat(claims.getStringClaimValue("company_id")).isEqualTo(id.toString());
        assertThat(claims.getClaimValue("level", Long.class)).isEqualTo(3L);
        long expiresIn = claims.getExpirationTime().getValue() - Instant.now().getEpochSecond();
        assertThat(expiresIn).isCloseTo(300L, within(60L));
    }

    @Test
    void an_expired_token_is_rejected() {
        assertThatThrownBy(() -> verifier.processToClaims(TestTokens.expiredStaff()))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("no longer valid");
    }

    @Test
    void a_token_from_another_issuer_is_rejected() {
        assertThatThrownBy(() -> verifier.processToClaims(TestTokens.staffFromWrongIssuer()))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("Issuer");
    }
}
