package se.techtank.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestKafka;
import se.techtank.platform.testing.TestPostgres;
import se.techtank.platform.testing.TopicSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay against a real PostgreSQL and a real Kafka broker, including the broker being unreachable. */
class OutboxRelayTest {

    private static DataSource database;

    private final List<OutboxRelay> relays = new ArrayList<>();
    private String topic;

    @BeforeAll
    static void migrate() {
        database = TestPostgres.get().dataSource("platform_outbox_test");
        Flyway.configure()
                .dataSource(database)
                .schemas("platform")
                .table("platform_schema_history")
                .locations("classpath:db/platform")
                .load()
                .migrate();
    }

    @BeforeEach
    void freshTopic() throws SQLException {
        topic = "outbox-test-" + UUID.randomUUID();
        TestKafka.get().createTopics(List.of(TopicSpec.compacted(topic)));
        // Rows of earlier tests would be published to their topics too; start from an empty outbox.
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement("delete from platform.outbox")) {
            statement.executeUpdate();
        }
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(relay -> relay.stop(Duration.ofSeconds(5)));
    }

    @Test
    void rows_written_while_kafka_is_unreachable_are_published_once_it_is_back_in_order_and_exactly_once()
            throws Exception {
        try (TcpProxy broker = new TcpProxy(TestKafka.get().bootstrapServers());
                KafkaTestConsumer consumer =
                        KafkaTestConsumer.subscribe(TestKafka.get().bootstrapServers(), topic)) {
            broker.cut();
            // Two replicas' relays against the same database, both seeing Kafka down.
            OutboxRelay first = relay(broker.address());
            OutboxRelay second = relay(broker.address());
            first.start("relay-1");
            second.start("relay-2");

            List<String> aggregates = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                aggregates.add(UUID.randomUUID().toString());
            }
            Map<String, String> aggregateOfEvent = new HashMap<>();
            for (int n = 1; n <= 8; n++) {
                for (String aggregate : aggregates) {
                    aggregateOfEvent.put(insert(aggregate, n), aggregate);
                    first.wake();
                    second.wake();
                }
            }
            int rows = aggregateOfEvent.size();

            // Kafka unreachable: nothing is published and nothing is marked sent.
            consumer.assertNoEvent(e -> true, Duration.ofSeconds(3));
            assertThat(unsentRows()).isEqualTo(rows);

            broker.restore();

            await().atMost(Duration.ofSeconds(60)).until(() -> unsentRows() == 0);
            List<ReceivedEvent> events = consumer.awaitEvents(rows, e -> true, Duration.ofSeconds(30));
            consumer.assertNoEvent(e -> true, Duration.ofSeconds(1)); // and no more than that

            Set<String> ids = new HashSet<>();
            Map<String, Integer> lastSequencePerAggregate = new HashMap<>();
            for (ReceivedEvent event : consumer.received()) {
                assertThat(ids.add(event.ceId()))
                        .as("published once: %s", event.ceId())
                        .isTrue();
                assertThat(event.key()).isEqualTo(aggregateOfEvent.get(event.ceId()));
                int sequence = event.json().get("n").asInt();
                int previous = lastSequencePerAggregate.getOrDefault(event.key(), 0);
                assertThat(sequence).as("order of aggregate %s", event.key()).isEqualTo(previous + 1);
                lastSequencePerAggregate.put(event.key(), sequence);
            }
            assertThat(ids).isEqualTo(aggregateOfEvent.keySet());
            assertThat(events).hasSize(rows);
        }
    }

    @Test
    void a_relay_leaves_an_aggregates_newer_rows_while_another_relay_holds_an_older_one() throws Exception {
        OutboxRelay relay = relay(TestKafka.get().bootstrapServers());
        String held = UUID.randomUUID().toString();
        String free = UUID.randomUUID().toString();
        String heldFirst = insert(held, 1);
        insert(held, 2);
        insert(free, 1);

        try (KafkaTestConsumer consumer =
                        KafkaTestConsumer.subscribe(TestKafka.get().bootstrapServers(), topic);
                Connection otherReplica = database.getConnection()) {
            // Another replica has claimed the aggregate's first row and not yet committed.
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock =
                    otherReplica.prepareStatement("select seq from platform.outbox where id = ?::uuid for update")) {
                lock.setString(1, heldFirst);
                lock.executeQuery().close();
            }

            assertThat(relay.publishBatch()).isEqualTo(1);
            assertThat(consumer.awaitEvent(e -> e.key().equals(free))
                            .json()
                            .get("n")
                            .asInt())
                    .isEqualTo(1);
            consumer.assertNoEvent(e -> e.key().equals(held), Duration.ofSeconds(1));

            otherReplica.rollback();

            assertThat(relay.publishBatch()).isEqualTo(2);
            List<ReceivedEvent> heldEvents =
                    consumer.awaitEvents(2, e -> e.key().equals(held), Duration.ofSeconds(10));
            assertThat(heldEvents).extracting(e -> e.json().get("n").asInt()).containsExactly(1, 2);
        }
    }

    @Test
    void a_published_event_carries_the_cloudevents_headers_of_its_row() throws Exception {
        OutboxRelay relay = relay(TestKafka.get().bootstrapServers());
        String aggregate = UUID.randomUUID().toString();
        String id = insert(aggregate, 1);

        try (KafkaTestConsumer consumer =
                KafkaTestConsumer.subscribe(TestKafka.get().bootstrapServers(), topic)) {
            assertThat(relay.publishBatch()).isEqualTo(1);
            ReceivedEvent event = consumer.awaitEvent(e -> e.key().equals(aggregate));
            assertThat(event.ceId()).isEqualTo(id);
            assertThat(event.ceType()).isEqualTo("se.techtank.test.thing.happened");
            assertThat(event.ceSubject()).isEqualTo(aggregate);
            assertThat(event.header("ce_source")).isEqualTo("/test-service");
            assertThat(event.header("ce_specversion")).isEqualTo("1.0");
            assertThat(event.header("ce_dataschema")).isEqualTo("contracts/test/thing.happened.v1.json");
            assertThat(event.header("content-type")).isEqualTo("application/json");
            assertThat(event.header("ce_time")).endsWith("Z");
            assertThat(event.json().get("n").asInt()).isEqualTo(1);
        }
        assertThat(unsentRows()).isZero();
        assertThat(relay.publishBatch()).isZero();
    }

    private OutboxRelay relay(String bootstrapServers) {
        OutboxRelay relay = new OutboxRelay(
                database,
                () -> OutboxProducers.create(bootstrapServers, "outbox-test", Duration.ofSeconds(2)),
                "/test-service",
                new OutboxRelay.Settings(
                        7,
                        Duration.ofMillis(100),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2)));
        relays.add(relay);
        return relay;
    }

    /** The row {@link Outbox#record} writes, for aggregate {@code aggregate}'s {@code n}th event. */
    private String insert(String aggregate, int n) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        insert into platform.outbox
                            (id, topic, aggregate_type, aggregate_id, event_type, data_schema, payload, occurred_at)
                        values (?::uuid, ?, 'thing', ?, 'se.techtank.test.thing.happened',
                                'contracts/test/thing.happened.v1.json', cast(? as jsonb), now())
                        """)) {
            statement.setString(1, id);
            statement.setString(2, topic);
            statement.setString(3, aggregate);
            statement.setString(4, "{\"n\": " + n + "}");
            statement.executeUpdate();
        }
        return id;
    }

    private int unsentRows() throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from platform.outbox where sent_at is null and topic = ?")) {
            statement.setString(1, topic);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
