package se.techtank.events;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import se.techtank.events.api.MeetingsApi;
import se.techtank.platform.testing.TestKafka;
import se.techtank.platform.testing.TestPostgres;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Proves that the packaged service, started as in production ({@code java -jar quarkus-run.jar}, prod
 * profile), drains on SIGTERM: a registration that is in flight when the signal arrives is still committed
 * (row and outbox event in one transaction) and answered 201, and the process then exits by itself.
 * Kubernetes sends SIGTERM on every rollout and scale-down. Without the drain ({@code quarkus.shutdown.timeout})
 * the service stops at once: such a registration fails mid-request ("Session/EntityManager is closed"), new
 * connections are refused, and the attendee would not know whether they have a seat.
 *
 * <p>Meanwhile Quarkus does not refuse new requests: it serves them and closes each connection after its
 * answer ({@code Connection: close}), and readiness stays UP; the test asserts that too, so that a change of
 * that behaviour is noticed.
 *
 * <p>The request is held in flight deterministically: the test holds the meeting's row lock, so the
 * service's seat update waits in PostgreSQL until the test lets go, well after the signal.
 *
 * <p>Run by failsafe after {@code package}, as it needs {@code target/quarkus-app}.
 */
class ShutdownDrainIT {

    private static final String DATABASE = "events";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration EXIT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Path MODULE = moduleDirectory();
    private static final Path LOG = MODULE.resolve("target/shutdown-drain-it/events-service.log");

    private Process service;

    @RegisterExtension
    final TestWatcher printServiceLogOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printLogTail();
        }
    };

    @AfterEach
    void killServiceIfStillAlive() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
            service.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_registration_in_flight_at_sigterm_is_committed_and_answered_before_the_service_exits() throws Exception {
        // Kafka starts while PostgreSQL does, as in TechtankTestResource.
        CompletableFuture<TestKafka> kafka = CompletableFuture.supplyAsync(() -> {
            TestKafka.ensureCatalogueTopics();
            return TestKafka.get();
        });
        TestPostgres postgres = TestPostgres.get();
        String databaseUrl = postgres.jdbcUrl(DATABASE);
        DataSource database = postgres.dataSource(DATABASE);

        int httpPort = freePort();
        int managementPort = freePort();
        service = start(Map.of(
                "HTTP_PORT", Integer.toString(httpPort),
                "MANAGEMENT_PORT", Integer.toString(managementPort),
                "DB_URL", databaseUrl,
                "DB_USER", postgres.username(),
                "DB_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(kafka),
                // Production refuses to start without a key (JwtKeyGuard); the development key signs TestTokens.
                "JWT_PUBLIC_KEY_LOCATION", "techtank/jwt/local-dev-only-public-key.pem",
                "SHUTDOWN_TIMEOUT", "20S"));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        await("events-service ready on " + ready)
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .failFast("events-service exited while starting", () -> !service.isAlive())
                .until(() -> status(client, HttpRequest.newBuilder(ready).GET()) == 200);

        String api = "http://127.0.0.1:" + httpPort + "/api/v1";
        String meetingId = planAndPublish(client, api);
        Map<String, Object> registration = MeetingsApi.registration("Drain Person");

        HttpResponse<String> answer;
        try (Connection lock = database.getConnection()) {
            lock.setAutoCommit(false);
            long lockHolder = lockMeeting(lock, meetingId);

            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    json(URI.create(api + "/meetings/" + meetingId + "/registrations"), null, registration)
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            await("the registration waiting in PostgreSQL for the meeting's row lock")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("the registration was answered without waiting: " + inFlight, inFlight::isDone)
                    .until(() -> TestSql.queryForLong(
                                    database,
                                    "select count(*) from pg_stat_activity where datname = ?"
                                            + " and wait_event_type = 'Lock' and ?::int = any(pg_blocking_pids(pid))",
                                    DATABASE,
                                    lockHolder)
                            == 1);

            URI meetings = URI.create(api + "/meetings");
            assertThat(client.send(get(meetings), HttpResponse.BodyHandlers.discarding())
                            .headers()
                            .firstValue("connection"))
                    .as("before SIGTERM connections are kept alive")
                    .isEmpty();

            service.destroy(); // SIGTERM on Linux, as Kubernetes sends it

            // Quarkus does not refuse new requests while it drains: it still serves them, but closes each
            // connection after its answer, so that clients reconnect (to another replica, in Kubernetes).
            // A client of its own, so that every probe is a new request on a new connection.
            HttpClient probe = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            AtomicReference<HttpResponse<String>> duringDrain = new AtomicReference<>();
            await("a new request answered with Connection: close while the registration drains")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        HttpResponse<String> response = probe.send(get(meetings), HttpResponse.BodyHandlers.ofString());
                        duringDrain.set(response);
                        return response.headers()
                                .firstValue("connection")
                                .filter("close"::equalsIgnoreCase)
                                .isPresent();
                    });
            assertThat(duringDrain.get().statusCode())
                    .as("a new request during the drain: %s", duringDrain.get().body())
                    .isEqualTo(200);
            // Readiness does not change: Quarkus reports DOWN on shutdown only with quarkus.shutdown.delay-enabled,
            // which the services leave off; Kubernetes stops routing here on its own (endpoint removal, preStop).
            assertThat(status(probe, HttpRequest.newBuilder(ready).GET()))
                    .as("readiness during the drain")
                    .isEqualTo(200);
            assertThat(service.isAlive())
                    .as("the service waits for the registration in flight")
                    .isTrue();
            assertThat(inFlight).as("the registration is still in flight").isNotDone();

            lock.rollback();
            answer = inFlight.get(30, TimeUnit.SECONDS);
        }

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(answer.body());
        String registrationId = body.path("id").asText();
        assertThat(UUID.fromString(registrationId)).isNotNull();
        assertThat(body.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(answer.headers().firstValue("location"))
                .hasValueSatisfying(
                        location -> assertThat(location).endsWith("/api/v1/registrations/" + registrationId));
        assertThat(TestSql.queryForString(
                        database,
                        "select status from registration where id = ?::uuid and meeting_id = ?::uuid",
                        registrationId,
                        meetingId))
                .isEqualTo("CONFIRMED");
        assertThat(TestSql.queryForLong(database, "select confirmed_count from meeting where id = ?::uuid", meetingId))
                .isEqualTo(1);
        assertThat(TestSql.queryForString(
                        database, "select event_type from platform.outbox where aggregate_id = ?", registrationId))
                .isEqualTo("se.techtank.events.registration.confirmed");

        assertThat(service.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS))
                .as("events-service exits by itself once drained")
                .isTrue();
        int exitCode = service.exitValue();
        System.out.println("events-service exited with " + exitCode + " after SIGTERM");
        // 128 + 15: the JVM ends on SIGTERM by running its shutdown hooks, and reports the signal.
        assertThat(exitCode).isEqualTo(143);
    }

    /** Plans a public meeting as staff and publishes it, through the API; its id. */
    private static String planAndPublish(HttpClient client, String api) throws IOException, InterruptedException {
        String staff = TestTokens.staff();
        HttpResponse<String> planned = client.send(
                json(URI.create(api + "/meetings"), staff, MeetingsApi.meeting(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String meetingId = JSON.readTree(planned.body()).path("id").asText();
        HttpResponse<String> published = client.send(
                HttpRequest.newBuilder(URI.create(api + "/meetings/" + meetingId + "/publish"))
                        .header("Authorization", "Bearer " + staff)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return meetingId;
    }

    /** Locks the meeting's row in {@code connection}'s open transaction; that session's backend pid. */
    private static long lockMeeting(Connection connection, String meetingId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select id, pg_backend_pid() from meeting where id = ?::uuid for update")) {
            select.setString(1, meetingId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("meeting " + meetingId).isTrue();
                return row.getLong(2);
            }
        }
    }

    private static HttpRequest.Builder json(URI uri, String token, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    }

    private static int status(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The packaged service in the production profile, its output in {@link #LOG}. */
    private static Process start(Map<String, String> environment) throws IOException {
        Path jar = MODULE.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            fail("No " + jar + ": package the service first (mvn verify runs this test after package)");
        }
        Files.createDirectories(LOG.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .directory(MODULE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        // Production: no profile, and nothing of this JVM's environment that would point the service elsewhere.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("OTEL_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String bootstrapServers(CompletableFuture<TestKafka> kafka) {
        try {
            return kafka.join().bootstrapServers();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The module's directory: failsafe runs in it; an IDE may run from the repository's root. */
    private static Path moduleDirectory() {
        Path working = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path module = working.resolve("events-service");
        return Files.isDirectory(module.resolve("src")) ? module : working;
    }

    private static void printLogTail() {
        try {
            List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
            System.err.println("--- last " + LOG_TAIL_LINES + " lines of " + LOG + " ---");
            lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                    .forEach(System.err::println);
            System.err.println("--- end of " + LOG + " ---");
        } catch (IOException e) {
            System.err.println("Could not read " + LOG + ": " + e);
        }
    }
}
