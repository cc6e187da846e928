package se.techtank.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed JWTs as the services accept them (RS256, issuer {@link #ISSUER}, roles in {@code groups}),
 * signed with the local development key. The services verify them with the matching public key
 * {@code techtank/jwt/local-dev-only-public-key.pem} of the platform module.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.local.techtank.dev";
    public static final String WRONG_ISSUER = "https://auth.wrong-issuer.invalid";
    /**
     * The audiences of every token minted here: each service accepts only tokens meant for it
     * ({@code mp.jwt.verify.audiences}, by default its own name).
     */
    public static final Set<String> AUDIENCES =
            Set.of("members-service", "events-service", "programmes-service", "notifications-service");

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    public static final String PRIVATE_KEY_RESOURCE = "techtank/jwt/local-dev-only-private-key.pem";

    public static final String STAFF_SUBJECT = "staff@techtank.test";
    public static final String STAFF = "staff";
    public static final String MEMBER = "member";
    public static final String PARTNER = "partner";
    public static final String MUNICIPALITY = "municipality";
    public static final String COMPANY_ID_CLAIM = "company_id";
    public static final String PARTNER_ID_CLAIM = "partner_id";
    public static final String MUNICIPALITY_CODE_CLAIM = "municipality_code";

    private static volatile PrivateKey localDevPrivateKey;

    private TestTokens() {}

    /** A Techtank employee: role {@code staff}. */
    public static String staff() {
        return withGroups(STAFF_SUBJECT, Set.of(STAFF), Map.of(), DEFAULT_LIFETIME);
    }

    /** A person at the member company {@code companyId}: role {@code member}, claim {@code company_id}. */
    public static String member(UUID companyId) {
        return withGroups(
                "member-" + companyId,
                Set.of(MEMBER),
                Map.of(COMPANY_ID_CLAIM, companyId.toString()),
                DEFAULT_LIFETIME);
    }

    /** Another IUC's system: role {@code partner}, claim {@code partner_id}. */
    public static String partner(String partnerId) {
        return withGroups(
                "partner-" + partnerId, Set.of(PARTNER), Map.of(PARTNER_ID_CLAIM, partnerId), DEFAULT_LIFETIME);
    }

    /** A municipality's business office: role {@code municipality}, claim {@code municipality_code}. */
    public static String municipality(String municipalityCode) {
        return withGroups(
                "municipality-" + municipalityCode,
                Set.of(MUNICIPALITY),
                Map.of(MUNICIPALITY_CODE_CLAIM, municipalityCode),
                DEFAULT_LIFETIME);
    }

    /** A staff token that expired an hour ago (beyond any clock skew the services allow). */
    public static String expiredStaff() {
        return mint(ISSUER, STAFF_SUBJECT, Set.of(STAFF), Map.of(), Duration.ofHours(-1), localDevPrivateKey());
    }

    /** A staff token, correctly signed, from an issuer the services do not trust. */
    public static String staffFromWrongIssuer() {
        return mint(WRONG_ISSUER, STAFF_SUBJECT, Set.of(STAFF), Map.of(), DEFAULT_LIFETIME, localDevPrivateKey());
    }

    /** A staff token, correctly signed by the trusted issuer, but meant for other APIs ({@code aud}). */
    public static String staffForAudience(String audience) {
        return mint(
                ISSUER,
                Set.of(audience),
                STAFF_SUBJECT,
                Set.of(STAFF),
                Map.of(),
                DEFAULT_LIFETIME,
                localDevPrivateKey());
    }

    /** A token of the local issuer for any subject, roles and extra claims. */
    public static String withGroups(String subject, Set<String> groups, Map<String, Object> claims, Duration lifetime) {
        return mint(ISSUER, subject, groups, claims, lifetime, localDevPrivateKey());
    }

    /**
     * Signs an RS256 token with {@code upn} and {@code sub} = {@code subject}, roles in {@code groups}
     * and the given extra claims (UUIDs, enums and other non-JSON values are written as strings).
     *
     * @param lifetime from now until it expires; a negative lifetime gives a token that expired that
     *     long ago (issued an hour before it expired)
     */
    public static String mint(
            String issuer,
            String subject,
            Set<String> groups,
            Map<String, Object> claims,
            Duration lifetime,
            PrivateKey key) {
        return mint(issuer, AUDIENCES, subject, groups, claims, lifetime, key);
    }

    /** As {@link #mint(String, String, Set, Map, Duration, PrivateKey)}, for the given audiences ({@code aud}). */
    public static String mint(
            String issuer,
            Set<String> audiences,
            String subject,
            Set<String> groups,
            Map<String, Object> claims,
            Duration lifetime,
            PrivateKey key) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        Instant issuedAt = lifetime.isNegative() ? expiresAt.minus(Duration.ofHours(1)) : now;
        JwtClaimsBuilder builder = Jwt.issuer(issuer)
                .audience(Set.copyOf(audiences))
                .subject(subject)
                .upn(subject)
                .groups(Set.copyOf(groups))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString());
        claims.forEach((name, value) -> builder.claim(name, jsonValue(value)));
        return builder.jws()
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(key);
    }

    private static Object jsonValue(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Collection<?>
                || value instanceof Map<?, ?>) {
            return value;
        }
        return value.toString();
    }

    /** The local development private key (PKCS#8 PEM on the classpath). Never use it outside local runs and tests. */
    public static PrivateKey localDevPrivateKey() {
        PrivateKey key = localDevPrivateKey;
        if (key == null) {
            key = readPrivateKey(PRIVATE_KEY_RESOURCE);
            localDevPrivateKey = key;
        }
        return key;
    }

    private static PrivateKey readPrivateKey(String resource) {
        ClassLoader loader = TestTokens.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the classpath");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 =
                    pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key: " + resource, e);
        }
    }
}
