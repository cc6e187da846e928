package se.techtank.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.security.Caller;

/**
 * {@code Idempotency-Key} on creating POSTs (docs/api-conventions.md): the first request with a key is
 * executed and its successful answer kept; a retry with the same key and the same request gets that answer
 * again (with {@code Idempotent-Replayed: true}) instead of a duplicate or a 409. The same key with another
 * request is a 422 ({@code idempotency-key-reused}); a retry while the first is still running is a 409
 * ({@code idempotency-key-in-progress}, {@code Retry-After}).
 *
 * <p>Keys belong to the caller: to the token's access scope, or for anonymous callers to the request
 * itself ({@link #namespace}). A request that fails (an exception, or an answer that is not
 * 2xx) keeps nothing: its retry is executed again. If a replica dies between the command's commit and
 * keeping the answer, the key stays "in progress" until {@code techtank.idempotency.abandoned-after}, after
 * which a retry is executed again; the commands' own unique rules (one company per organisation number,
 * one registration per e-mail) still stop a second effect. Answers are kept for
 * {@code techtank.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";

    /** What the header does, for the OpenAPI document of each endpoint that takes it. */
    public static final String DESCRIPTION = "Makes retrying safe: a retry with the same key and the same request "
            + "gets the first answer again (header `Idempotent-Replayed: true`) instead of a duplicate or a 409. "
            + "With a token, the same key with another request is a 422 (`…/idempotency-key-reused`); without "
            + "one it is simply another request. A retry while the first request is still running is a 409 "
            + "(`…/idempotency-key-in-progress`, `Retry-After`). Use a new random UUID per intended request; "
            + "kept for 24 hours, for the same token access (issuer, subject, roles, company/partner claims).";

    /** Set on an answer given again for a retry. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Caller caller;
    private final Duration abandonedAfter;
    private final Duration retention;

    IdempotentRequests(
            @DataSource("platform") AgroalDataSource dataSource,
            ObjectMapper json,
            Caller caller,
            @ConfigProperty(name = "techtank.idempotency.abandoned-after", defaultValue = "PT1M")
                    Duration abandonedAfter,
            @ConfigProperty(name = "techtank.idempotency.retention", defaultValue = "P1D") Duration retention) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
        this.abandonedAfter = abandonedAfter;
        this.retention = retention;
    }

    /**
     * Executes {@code command} once per key: without a key, simply executes it.
     *
     * @param idempotencyKey the request's {@code Idempotency-Key} header (its value may be null)
     * @param operation what is asked, with the ids in the path, e.g. {@code POST /api/v1/companies}
     * @param request the request as read; its JSON decides whether a retry is the same request
     * @param command executes the request (in its own transaction) and answers it
     */
    public Response once(
            IdempotencyKeyHeader idempotencyKey, String operation, Object request, Supplier<Response> command) {
        return once(idempotencyKey, operation, request, null, command);
    }

    /**
     * Like {@link #once(IdempotencyKeyHeader, String, Object, Supplier)}, with an admission check (e.g. a
     * rate limit) that a replay skips: a retry with the same key and the same request whose answer is kept
     * does no work, so it gets that answer without {@code admission} being asked. Every other request (no
     * key, a new key, the same key with another request, a retry while the first is still running) passes
     * {@code admission} before the key is claimed, so a refused request leaves no key behind. This costs a
     * keyed request one read of its key before the admission.
     *
     * @param admission throws to refuse the request (its exception is the answer); runs at most once; null for none
     */
    public Response once(
            IdempotencyKeyHeader idempotencyKey,
            String operation,
            Object request,
            Runnable admission,
            Supplier<Response> command) {
        String key = idempotencyKey == null ? null : idempotencyKey.value();
        if (key == null) {
            admit(admission);
            return command.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidRequestException(HEADER, "must be 1–255 visible ASCII characters, e.g. a random UUID");
        }
        String hash = hash(operation, request);
        String who = namespace(hash);
        if (admission != null) {
            Optional<Response> kept = find(who, key)
                    .filter(stored -> stored.status() != null
                            && stored.operation().equals(operation)
                            && stored.requestHash().equals(hash))
                    .map(Stored::replay);
            if (kept.isPresent()) {
                return kept.get();
            }
            admission.run();
        }
        Optional<Response> earlier = claim(who, key, operation, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Response response;
        try {
            response = command.get();
        } catch (RuntimeException | Error e) {
            release(who, key);
            throw e;
        }
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            keep(who, key, response);
        } else {
            release(who, key);
        }
        return response;
    }

    /**
     * Whose key it is. A token's keys belong to its access scope (issuer, subject, roles, company, partner,
     * municipality), so a caller who has lost a role or moved to another company since never gets an
     * answer kept for what they were allowed before: the request runs again, with its access checks.
     * Anonymous callers have no identity to scope by, so their keys are scoped by the request itself: the
     * same key with another body is simply another key (never a 422 that tells a stranger the key is in
     * use), and only someone sending exactly the same request gets its kept answer.
     */
    private String namespace(String requestHash) {
        return caller.accessScope().map(scope -> "token:" + sha256(scope)).orElse("anonymous:" + requestHash);
    }

    private static void admit(Runnable admission) {
        if (admission != null) {
            admission.run();
        }
    }

    /** Deletes answers older than the retention; every replica may run it. */
    @Scheduled(
            every = "${techtank.idempotency.retention-check-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldAnswers() {
        try {
            int deleted = update(
                    "delete from platform.idempotency_key where created_at < now() - ?::interval",
                    retention.toString());
            if (deleted > 0) {
                LOG.infof("Deleted %d idempotency keys older than %s", deleted, retention);
            }
        } catch (PersistenceException e) {
            LOG.warn("Could not delete old idempotency keys", e);
        }
    }

    /** Empty when this request now owns the key; else the earlier answer (or an exception). */
    private Optional<Response> claim(String who, String key, String operation, String hash) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (update(
                            "insert into platform.idempotency_key (caller, key, operation, request_hash) values (?, ?, ?, ?)"
                                    + " on conflict do nothing",
                            who,
                            key,
                            operation,
                            hash)
                    == 1) {
                return Optional.empty();
            }
            Optional<Stored> stored = find(who, key);
            if (stored.isEmpty()) {
                continue; // the first request failed and let go of the key in between
            }
            Stored earlier = stored.get();
            if (!earlier.operation().equals(operation) || !earlier.requestHash().equals(hash)) {
                throw new IdempotencyKeyReusedException();
            }
            if (earlier.status() != null) {
                return Optional.of(earlier.replay());
            }
            if (earlier.age().compareTo(abandonedAfter) < 0) {
                throw new IdempotencyKeyInProgressException();
            }
            // The first request's replica died before keeping its answer: this one takes the key over.
            if (update(
                            "update platform.idempotency_key set created_at = now() where caller = ? and key = ?"
                                    + " and status is null and created_at = ?",
                            who,
                            key,
                            earlier.createdAt())
                    == 1) {
                return Optional.empty();
            }
        }
        throw new IdempotencyKeyInProgressException();
    }

    private void keep(String who, String key, Response response) {
        String body;
        try {
            body = response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            release(who, key);
            throw new IllegalStateException("The answer could not be kept as JSON", e);
        }
        update(
                "update platform.idempotency_key set status = ?, location = ?, etag = ?, body = ?"
                        + " where caller = ? and key = ?",
                response.getStatus(),
                response.getHeaderString(HttpHeaders.LOCATION),
                response.getHeaderString(HttpHeaders.ETAG),
                body,
                who,
                key);
    }

    private void release(String who, String key) {
        try {
            update("delete from platform.idempotency_key where caller = ? and key = ? and status is null", who, key);
        } catch (PersistenceException e) {
            LOG.warn("Could not let go of an idempotency key; a retry is refused until it counts as abandoned", e);
        }
    }

    private record Stored(
            String operation,
            String requestHash,
            Integer status,
            String location,
            String etag,
            String body,
            Timestamp createdAt,
            Duration age) {

        Response replay() {
            Response.ResponseBuilder answer = Response.status(status).header(REPLAYED, "true");
            if (location != null) {
                answer.header(HttpHeaders.LOCATION, location);
            }
            if (etag != null) {
                answer.header(HttpHeaders.ETAG, etag);
            }
            if (body != null) {
                answer.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return answer.build();
        }
    }

    private Optional<Stored> find(String who, String key) {
        String sql = "select operation, request_hash, status, location, etag, body, created_at,"
                + " extract(epoch from now() - created_at) from platform.idempotency_key where caller = ? and key = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, who);
            statement.setString(2, key);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(
                        row.getString(1),
                        row.getString(2),
                        row.getObject(3, Integer.class),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getTimestamp(7),
                        Duration.ofMillis(Math.round(row.getDouble(8) * 1000))));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Reading an idempotency key failed", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Writing an idempotency key failed", e);
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint the request", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
