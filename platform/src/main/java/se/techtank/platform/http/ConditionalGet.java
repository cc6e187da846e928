package se.techtank.platform.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Public reads that browsers, calendar clients and caches may revalidate cheaply: the answer carries an
 * {@code ETag} computed from its bytes and a {@code Cache-Control}, and a request whose {@code If-None-Match}
 * names that tag gets {@code 304 Not Modified} without the body.
 *
 * <p>The tag is a hash of the representation, not a row version: a meeting list changes when a seat is
 * taken although no meeting's version does. Anonymous answers are {@code public}; an answer to a request
 * with a token is {@code private} (it may hold what only that caller sees), and both vary by
 * {@code Authorization} and by {@code Origin} (the CORS answer names the calling origin, so a shared cache must
 * not hand one origin's answer to another).
 */
public final class ConditionalGet {

    private ConditionalGet() {}

    /**
     * The answer to a GET of {@code body}: 304 if the request's {@code If-None-Match} names its tag, else 200
     * with the body; the caller may add headers before it builds it.
     *
     * @param maxAge how long a client may use it without asking again; zero: ask every time ({@code no-cache})
     */
    public static Response.ResponseBuilder of(HttpHeaders request, byte[] body, String contentType, Duration maxAge) {
        return answer(request, tagOf(body), body, contentType, maxAge);
    }

    /**
     * As {@link #of(HttpHeaders, byte[], String, Duration)}, for a versioned resource: its tag is {@code
     * "<version>.<fingerprint of the bytes>"}, so that it changes with what the answer shows (seats left change
     * without a new version), while an update's {@code If-Match} still names the version it read
     * (EntityVersions reads the part before the dot).
     */
    public static Response.ResponseBuilder versioned(
            HttpHeaders request, long version, byte[] body, String contentType, Duration maxAge) {
        String fingerprint = tagOf(body);
        String tag = '"' + Long.toString(version) + '.' + fingerprint.substring(1);
        return answer(request, tag, body, contentType, maxAge);
    }

    private static Response.ResponseBuilder answer(
            HttpHeaders request, String tag, byte[] body, String contentType, Duration maxAge) {
        boolean signedIn = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        String cacheControl = (signedIn ? "private" : "public")
                + (maxAge.isZero() ? ", no-cache" : ", max-age=" + maxAge.toSeconds());
        Response.ResponseBuilder answer = matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)
                ? Response.notModified()
                : Response.ok(body, contentType);
        return answer.header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION + ", Origin");
    }

    /** A strong tag of the bytes: the first 128 bits of their SHA-256, base64url, quoted. */
    static String tagOf(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /**
     * Whether {@code ifNoneMatch} ({@code *}, or a list of tags, weak or strong) names {@code tag}; the weak
     * comparison of RFC 9110, as {@code If-None-Match} asks.
     */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.strip();
            if (trimmed.equals("*")) {
                return true;
            }
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** For text bodies (UTF-8). */
    public static Response.ResponseBuilder of(HttpHeaders request, String body, String contentType, Duration maxAge) {
        return of(request, body.getBytes(StandardCharsets.UTF_8), contentType, maxAge);
    }
}
