package se.techtank.notifications.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.notifications.config.NotificationsConfig;
import se.techtank.notifications.domain.NotificationKind;

/**
 * The token in an optional mail's unsubscribe link: who ({@code contact:<id>} or {@code email:<hash>}) turns
 * off which kind, signed with HMAC-SHA256 so that nobody can turn off mail for someone else. It holds no
 * address and does not expire: a link in an old mail keeps working (RFC 8058 one-click).
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    UnsubscribeTokens(NotificationsConfig config) {
        this.secret = config.unsubscribeSecret().getBytes(StandardCharsets.UTF_8);
    }

    /** What a valid token says. */
    public record Unsubscribe(String recipient, NotificationKind kind) {}

    public String token(String recipient, NotificationKind kind) {
        String payload = recipient + "|" + kind.name();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(mac(payload));
    }

    /** The token's recipient and kind, or empty when it is malformed or its signature does not match. */
    public Optional<Unsubscribe> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            int bar = payload.lastIndexOf('|');
            if (bar <= 0) {
                return Optional.empty();
            }
            NotificationKind kind = NotificationKind.valueOf(payload.substring(bar + 1));
            return kind.transactional()
                    ? Optional.empty()
                    : Optional.of(new Unsubscribe(payload.substring(0, bar), kind));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
