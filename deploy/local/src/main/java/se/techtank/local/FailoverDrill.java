package se.techtank.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import se.techtank.platform.testing.TestOrganisationNumbers;

/**
 * An operator's failover drill against the running local stack: registers companies at a steady rate
 * while every PostgreSQL session of the four services is ended a few times (as {@code pg_terminate_backend}
 * does, or a failover), then checks that nothing was lost: every company the API accepted is in every
 * company read model, and nothing went to {@code members.company.v1.dlq}. Run by {@code
 * deploy/local/failover-drill}; exits 1 when anything is missing.
 */
public final class FailoverDrill {

    private static final List<String> READ_MODELS = List.of("events", "programmes", "notifications");
    private static final String DLQ = "members.company.v1.dlq";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path repo = Path.of(options.getOrDefault("repo", "."));
        int companies = Integer.parseInt(options.getOrDefault("companies", "400"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "10"));
        int kills = Integer.parseInt(options.getOrDefault("kills", "3"));
        String jdbc = options.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:55432/");
        String kafka = options.getOrDefault("kafka", "127.0.0.1:9092");
        String token = Files.readString(repo.resolve(".local/tokens/staff.jwt")).strip();

        Map<String, Long> before = counts(jdbc);
        long dlqBefore = endOffsets(kafka, DLQ);
        System.out.printf(
                "Before: members %d companies, read models %s, %s holds %d records%n",
                before.get("members"), readModels(before), DLQ, dlqBefore);

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger busyAnswers = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int nextKill = 1;
        for (int i = 0; i < companies; i++) {
            long due = start + i * intervalNanos;
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            if (nextKill <= kills && i >= (long) companies * nextKill / (kills + 1)) {
                System.out.printf(
                        "  after %d registrations: ended %d PostgreSQL sessions of the services%n",
                        i, terminateSessions(jdbc));
                nextKill++;
            }
            String outcome = register(http, token, busyAnswers);
            if (outcome == null) {
                created.incrementAndGet();
            } else {
                failures.add(outcome);
            }
        }
        System.out.printf(
                "Registered %d of %d companies in %.1f s (%d answers 503 service-busy, retried with the same"
                        + " Idempotency-Key)%n",
                created.get(), companies, (System.nanoTime() - start) / 1e9, busyAnswers.get());
        failures.stream().limit(5).forEach(failure -> System.out.println("  not registered: " + failure));

        long expected = before.get("members") + created.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, Long> after = counts(jdbc);
        while (System.nanoTime() < deadline && !allCaughtUp(after, expected)) {
            Thread.sleep(500);
            after = counts(jdbc);
        }
        long dlqAfter = endOffsets(kafka, DLQ);
        System.out.printf(
                "After: members %d companies (expected %d), read models %s, %d new records on %s%n",
                after.get("members"), expected, readModels(after), dlqAfter - dlqBefore, DLQ);
        boolean lost = !allCaughtUp(after, expected) || dlqAfter != dlqBefore || !failures.isEmpty();
        System.out.println(lost ? "LOST: see above." : "Nothing lost: every read model holds every company.");
        System.exit(lost ? 1 : 0);
    }

    /** Registers one company, retrying 503 with the same key as a client should; null when created. */
    private static String register(HttpClient http, String token, AtomicInteger busyAnswers)
            throws IOException, InterruptedException {
        String number = TestOrganisationNumbers.next();
        String key = UUID.randomUUID().toString();
        String body = "{\"organisationNumber\":\"" + number + "\",\"name\":\"Failover " + number
                + " AB\",\"municipalityCode\":\"1080\"}";
        for (int attempt = 1; attempt <= 20; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/v1/companies"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                Thread.sleep(200);
                continue;
            }
            if (response.statusCode() == 201) {
                return null;
            }
            if (response.statusCode() != 503 && response.statusCode() != 409) {
                return number + ": " + response.statusCode() + " " + response.body();
            }
            // 503: retry after Retry-After; 409 idempotency-key-in-progress: the first try is still running.
            busyAnswers.incrementAndGet();
            Thread.sleep(1000L
                    * Long.parseLong(
                            response.headers().firstValue("Retry-After").orElse("1")));
        }
        return number + ": no 201 after 20 tries";
    }

    private static boolean allCaughtUp(Map<String, Long> counts, long expected) {
        return counts.get("members") == expected
                && READ_MODELS.stream().allMatch(service -> counts.get(service) == expected);
    }

    private static String readModels(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        for (String service : READ_MODELS) {
            text.append(text.isEmpty() ? "" : ", ").append(service).append(' ').append(counts.get(service));
        }
        return text.toString();
    }

    private static Map<String, Long> counts(String jdbc) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String database : List.of("members", "events", "programmes", "notifications")) {
            try (Connection connection = DriverManager.getConnection(jdbc + database, "techtank", "techtank");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from company")) {
                rows.next();
                counts.put(database, rows.getLong(1));
            }
        }
        return counts;
    }

    private static int terminateSessions(String jdbc) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc + "postgres", "techtank", "techtank");
                Statement statement = connection.createStatement();
                ResultSet ended = statement.executeQuery(
                        "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity"
                                + " where datname in ('members', 'events', 'programmes', 'notifications')"
                                + " and pid <> pg_backend_pid()")) {
            ended.next();
            return ended.getInt(1);
        }
    }

    /** The number of records ever written to {@code topic} (0 when it does not exist). */
    private static long endOffsets(String bootstrap, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return 0;
            }
            List<TopicPartition> all = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return consumer.endOffsets(all).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
