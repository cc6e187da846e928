package se.techtank.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature and claims were verified, so that a client sending the same token with
 * every request pays for the RSA verification once, not on each request (a noticeable share of the
 * members-service's CPU under the search benchmark; ADR 0011).
 *
 * <p>The key is the whole token, so a token that differs in any byte (another signature, a changed claim)
 * is verified afresh; only successful verifications are remembered, so nobody can fill the cache with
 * garbage. A remembered token is given back only until its own expiry time and for at most
 * {@code maxAge} after its verification (a rotated key or changed issuer setting takes effect within that
 * time); after that it is verified again. Bounded: beyond {@code capacity} tokens the least recently used
 * is forgotten. A capacity of 0 turns it off.
 */
public final class VerifiedTokens {

    /** Verifies a token the slow way (signature, issuer, expiry, …). */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Verified(JsonWebToken token, Instant validUntil) {}

    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Verified> verified;
    private final Counter hits;
    private final Counter misses;

    public VerifiedTokens(int capacity, Duration maxAge, Clock clock, MeterRegistry registry) {
        if (capacity < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("capacity and maxAge must not be negative");
        }
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > VerifiedTokens.this.capacity;
            }
        };
        this.hits = Counter.builder("verified_tokens")
                .description("Bearer tokens accepted from an earlier verification of the same token")
                .tag("result", "hit")
                .register(registry);
        this.misses = Counter.builder("verified_tokens")
                .description("Bearer tokens verified in full")
                .tag("result", "miss")
                .register(registry);
    }

    /** The verified token: remembered, or verified now by {@code verifier} (whose failure is passed on). */
    public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        if (capacity == 0) {
            return verifier.verify(token);
        }
        Instant now = clock.instant();
        Verified known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null && now.isBefore(known.validUntil())) {
            hits.increment();
            return known.token();
        }
        misses.increment();
        JsonWebToken fresh = verifier.verify(token);
        Instant expires = Instant.ofEpochSecond(fresh.getExpirationTime());
        Instant validUntil = expires.isBefore(now.plus(maxAge)) ? expires : now.plus(maxAge);
        synchronized (verified) {
            if (now.isBefore(validUntil)) {
                verified.put(token, new Verified(fresh, validUntil));
            } else {
                verified.remove(token);
            }
        }
        return fresh;
    }
}
