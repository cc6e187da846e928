package se.techtank.local;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers the services need: PostgreSQL (embedded, or POSTGRES_HOST), a Kafka broker (a child JVM, or
 * KAFKA_BOOTSTRAP_SERVERS) with the project's topics, and an SMTP server (GreenMail, or SMTP_HOST).
 */
final class Infrastructure {

    static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);
    /** Vite's dev server (5173) under both local names, and the usual port 3000 of other dev servers. */
    static final String LOCAL_FRONTEND_ORIGINS = "http://localhost:5173,http://127.0.0.1:5173,http://localhost:3000";

    private final Layout layout;
    private final Settings settings;
    private final String java;
    private final String kafkaBootstrap;

    private Database database;
    private ChildProcess kafka;
    private Smtp smtp;
    private WebhookReceiver webhooks;

    Infrastructure(Layout layout, Settings settings, String java) {
        this.layout = layout;
        this.settings = settings;
        this.java = java;
        this.kafkaBootstrap = settings.kafkaBootstrap().orElse(KafkaBroker.BOOTSTRAP);
    }

    /** Starts what is not given by the environment, creates the databases and topics, and reports each. */
    void start(StartGuard guard) throws Exception {
        Console.Step kafkaStep = Console.step();
        if (settings.kafkaBootstrap().isEmpty()) {
            // The broker boots in its own JVM while PostgreSQL starts here.
            guard.step(() -> kafka = KafkaBroker.start(layout, java));
        }

        Console.Step step = Console.step();
        List<String> created = guard.step(() -> {
            database = settings.postgresHost().isPresent()
                    ? Database.external(
                            settings.postgresHost().get(),
                            settings.postgresPort(),
                            settings.postgresUser(),
                            settings.postgresPassword())
                    : Database.startEmbedded(layout.postgresData(), layout.log("postgres"));
            return database.createDatabases(
                    Services.ALL.stream().map(Services.Spec::database).toList());
        });
        step.done((database.isEmbedded() ? "PostgreSQL 17" : "PostgreSQL (POSTGRES_HOST)") + " on "
                + database.host() + ":" + database.port()
                + (created.isEmpty() ? ", databases kept" : ", " + created.size() + " databases created"));

        if (settings.smtpHost().isEmpty()) {
            step = Console.step();
            guard.step(() -> smtp = Smtp.start(layout.log("smtp"), layout.mail()));
            step.done("SMTP server (GreenMail) on " + Smtp.HOST + ":" + Smtp.PORT);
        }

        step = Console.step();
        guard.step(() -> webhooks = WebhookReceiver.start(layout.local().resolve("webhooks")));
        step.done("Webhook receiver (a partner's endpoint) on " + WebhookReceiver.url());

        KafkaBroker.awaitReady(kafka, kafkaBootstrap, KAFKA_READY_TIMEOUT, layout);
        kafkaStep.done(
                (kafka != null ? "Kafka broker (KRaft)" : "Kafka (KAFKA_BOOTSTRAP_SERVERS)") + " on " + kafkaBootstrap);
        step = Console.step();
        List<String> topics = KafkaBroker.createTopics(kafkaBootstrap);
        step.done("Kafka topics: " + KafkaBroker.topicCount() + " present"
                + (topics.isEmpty() ? "" : ", " + topics.size() + " created"));
    }

    /** What every service is started with to reach these servers (plus its own DB_URL). */
    Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_USER", database.serviceUser());
        // The demo data sends every application from this machine's address: lift the per-address limit.
        env.put("MEMBERSHIP_APPLICATION_RATE_LIMIT", "1000");
        // The demo data, the replicas check and the benchmarks register thousands from 127.0.0.1.
        env.put("REGISTRATION_RATE_LIMIT", "1000000");
        env.put("DB_PASSWORD", database.servicePassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        // Deployed services refuse to start without these (no defaults outside dev and test); locally they are
        // the development key, whose private half signs .local/tokens/, and a development-only secret.
        env.put("JWT_PUBLIC_KEY_LOCATION", "techtank/jwt/local-dev-only-public-key.pem");
        env.put("UNSUBSCRIBE_SECRET", "local-development-only-unsubscribe-secret");
        // Partner webhooks may go to a receiver on this machine (http://127.0.0.1:<port>; docs/webhooks.md).
        env.put("WEBHOOKS_ALLOW_LOCAL_HTTP", "true");
        // A frontend's dev server on this machine may call the APIs from the browser (docs/configuration.md#cors);
        // the launcher's own CORS_ORIGINS replaces the list, e.g. for another port.
        env.put(
                "CORS_ORIGINS",
                settings.corsOrigins().orElse(LOCAL_FRONTEND_ORIGINS + "," + CancellationPage.origins()));
        // The mails' cancellation links open the launcher's stand-in for the frontend's page.
        env.put("CANCELLATION_PAGE_URL", CancellationPage.urlTemplate());
        if (settings.smtpHost().isPresent()) {
            env.put("SMTP_HOST", settings.smtpHost().get());
            settings.smtpPort().ifPresent(p -> env.put("SMTP_PORT", p));
        } else {
            env.put("SMTP_HOST", Smtp.HOST);
            env.put("SMTP_PORT", Integer.toString(Smtp.PORT));
        }
        return env;
    }

    Database database() {
        return database;
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** The broker's process when this launcher started it, else null. */
    ChildProcess kafka() {
        return kafka;
    }

    /** Whether this launcher runs the SMTP server (not SMTP_HOST). */
    /** The demo partner's webhook endpoint. */
    WebhookReceiver webhooks() {
        return webhooks;
    }

    boolean ownSmtp() {
        return smtp != null;
    }

    /** Stops what this launcher started, after the services: the broker, then SMTP and PostgreSQL. */
    void stop() {
        if (kafka != null) {
            Console.Step step = Console.step();
            boolean graceful = kafka.stop(KAFKA_STOP_GRACE);
            step.done(graceful ? "Kafka broker stopped" : "Kafka broker killed (no exit within 20 s)");
        }
        if (webhooks != null) {
            webhooks.close();
        }
        if (smtp != null) {
            Console.Step step = Console.step();
            smtp.close();
            step.done("SMTP server stopped");
        }
        if (database != null && database.isEmbedded()) {
            Console.Step step = Console.step();
            try {
                database.close();
                step.done("PostgreSQL stopped");
            } catch (IOException e) {
                Console.warn("PostgreSQL: " + e.getMessage());
            }
        }
    }
}
