package se.techtank.platform.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The test resource of every service: points the application at this JVM's PostgreSQL (its own
 * database), Kafka broker (with the catalogue topics created) and, on request, SMTP server.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = TechtankTestResource.class,
 *         initArgs = {@ResourceArg(name = "database", value = "members"), @ResourceArg(name = "smtp", value = "true")})
 * }</pre>
 *
 * <p>The servers live as long as the JVM, so {@link #stop()} does nothing.
 */
public class TechtankTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String SMTP_ARG = "smtp";

    private static final String USED_DATABASE_PREFIX = "techtank.testing.used-database.";

    private String database;
    private boolean smtp;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(
                    "TechtankTestResource needs @ResourceArg(name = \"database\", value = \"<service database>\")");
        }
        smtp = Boolean.parseBoolean(initArgs.getOrDefault(SMTP_ARG, "false"));
    }

    @Override
    public Map<String, String> start() {
        if (database == null) {
            throw new IllegalStateException("init(Map) was not called with a database argument");
        }
        Map<String, String> config = new HashMap<>();

        // Kafka starts while PostgreSQL does: both take a second or two on first use.
        CompletableFuture<TestKafka> kafka = CompletableFuture.supplyAsync(() -> {
            TestKafka.ensureCatalogueTopics();
            return TestKafka.get();
        });

        TestPostgres postgres = TestPostgres.get();
        // JVM-wide (Quarkus loads this class once per test application): RecordedEvents asks it.
        markUsed(database);
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());

        try {
            config.put("kafka.bootstrap.servers", kafka.join().bootstrapServers());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }

        if (smtp) {
            TestSmtp server = TestSmtp.get();
            config.put("quarkus.mailer.host", server.host());
            config.put("quarkus.mailer.port", String.valueOf(server.port()));
            config.put("quarkus.mailer.mock", "false");
            config.put("quarkus.mailer.start-tls", "DISABLED");
        }
        return config;
    }

    /** Whether a Quarkus test application of this JVM was started with {@code database}. */
    public static boolean used(String database) {
        return Boolean.getBoolean(USED_DATABASE_PREFIX + database);
    }

    static void markUsed(String database) {
        System.setProperty(USED_DATABASE_PREFIX + database, "true");
    }

    @Override
    public void stop() {
        // The servers are shared by every test of the JVM and stop with it.
    }
}
