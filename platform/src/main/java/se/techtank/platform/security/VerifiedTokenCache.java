package se.techtank.platform.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokens} in front of SmallRye JWT's parser, which Quarkus's bearer-token
 * authentication calls with every request's token. Every other method of the parser passes straight through.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    private final JWTParser parser;
    private final VerifiedTokens tokens;

    @Inject
    VerifiedTokenCache(
            @Delegate @Any JWTParser parser,
            MeterRegistry registry,
            @ConfigProperty(name = "techtank.security.verified-tokens.capacity", defaultValue = "10000") int capacity,
            @ConfigProperty(name = "techtank.security.verified-tokens.max-age", defaultValue = "PT5M")
                    Duration maxAge) {
        this.parser = parser;
        this.tokens = new VerifiedTokens(capacity, maxAge, Clock.systemUTC(), registry);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return tokens.verify(token, parser::parse);
    }
}
