package se.techtank.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void the_same_token_is_verified_once_until_it_expires() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock, new SimpleMeterRegistry());
        VerifiedTokens.Verifier verifier = expiringAt(NOW.plusSeconds(120));

        JsonWebToken first = tokens.verify("token-a", verifier);
        clock.now = NOW.plusSeconds(119);
        assertThat(tokens.verify("token-a", verifier)).isSameAs(first);
        assertThat(verifications).hasValue(1);

        clock.now = NOW.plusSeconds(120);
        tokens.verify("token-a", verifier);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void a_long_lived_token_is_verified_again_after_the_maximum_age() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock, new SimpleMeterRegistry());
        VerifiedTokens.Verifier verifier = expiringAt(NOW.plus(Duration.ofHours(1)));

        tokens.verify("token-a", verifier);
        clock.now = NOW.plus(Duration.ofMinutes(5));
        tokens.verify("token-a", verifier);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void a_token_that_differs_in_any_byte_is_verified_and_a_failure_is_not_remembered() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock, new SimpleMeterRegistry());
        tokens.verify("header.claims.signature", expiringAt(NOW.plusSeconds(600)));

        VerifiedTokens.Verifier refusing = token -> {
            verifications.incrementAndGet();
            throw new ParseException("bad signature");
        };
        assertThatThrownBy(() -> tokens.verify("header.claims.signaturf", refusing))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.verify("header.claims.signaturf", refusing))
                .isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void beyond_its_capacity_the_least_recently_used_token_is_forgotten_and_zero_turns_it_off() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(1, Duration.ofMinutes(5), clock, new SimpleMeterRegistry());
        VerifiedTokens.Verifier verifier = expiringAt(NOW.plusSeconds(600));
        tokens.verify("a", verifier);
        tokens.verify("b", verifier);
        tokens.verify("a", verifier);
        assertThat(verifications).hasValue(3);

        VerifiedTokens off = new VerifiedTokens(0, Duration.ofMinutes(5), clock, new SimpleMeterRegistry());
        off.verify("a", verifier);
        off.verify("a", verifier);
        assertThat(verifications).hasValue(5);
    }

    private VerifiedTokens.Verifier expiringAt(Instant expiry) {
        return token -> {
            verifications.incrementAndGet();
            return new Token(expiry.getEpochSecond());
        };
    }

    private record Token(long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "someone";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
