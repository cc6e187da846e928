package se.techtank.members.events.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.techtank.members.events.CompanyEvents;
import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.TestKafka;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.topics.TopicSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rebuild of docs/adr/0008: a read model gains a column; replaying the compacted topic under a new
 * consumer group <em>and</em> a new inbox consumer name fills it, and the rows end as they were. Each run
 * here is what a service's consumer does (the group's committed offsets, the inbox's "each event once per
 * consumer name", the projection, one transaction per event), without a Quarkus application around it.
 */
class CompanyReadModelRebuildTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final String IDENTITY =
            "organisation_number || '/' || name || '/' || municipality_code || '/' || in_blekinge || '/' || state_as_of";

    private static DataSource database;

    @BeforeAll
    static void tables() {
        // The read model as the library's migration makes it, and an inbox like platform.inbox.
        database = ReadModelDatabase.migrated("members_events_rebuild");
        TestSql.execute(database, "drop table if exists inbox");
        TestSql.execute(
                database, "create table inbox (consumer text, event_id text, primary key (consumer, event_id))");
    }

    @Test
    void a_rebuild_under_a_new_group_and_consumer_name_fills_a_new_column_and_keeps_the_rows() throws SQLException {
        String topic = CompanyEvents.TOPIC + ".rebuild-test-" + UUID.randomUUID();
        TestKafka.get().createTopics(List.of(TopicSpec.compacted(topic)));
        Map<UUID, String> membership = publishHistory(topic);

        CompanyProjection first = CompanyProjection.into("company", List.of());
        assertThat(run(topic, "programmes-service", "company-read-model", first))
                .isEqualTo(12);
        Map<UUID, String> rows = rows(membership, IDENTITY);
        assertThat(rows.values()).allSatisfy(row -> assertThat(row).doesNotContain("Stale"));

        // The release that needs the column: its migration adds it, its projection fills it.
        TestSql.execute(database, "alter table company add column membership_status varchar(12)");
        CompanyProjection second = CompanyProjection.into("company", List.of(CompanyColumn.MEMBERSHIP_STATUS));

        // Restarting under the same group reads nothing: its offsets are at the end.
        assertThat(run(topic, "programmes-service", "company-read-model", second))
                .isZero();
        // A new group alone replays the topic, but the inbox knows every event under the old consumer name.
        assertThat(run(topic, "programmes-service-2", "company-read-model", second))
                .isZero();
        assertThat(rows(membership, "coalesce(membership_status, 'none')").values())
                .containsOnly("none");

        // The rebuild: new group and new consumer name.
        assertThat(run(topic, "programmes-service-3", "company-read-model-2", second))
                .isEqualTo(12);

        assertThat(rows(membership, IDENTITY)).isEqualTo(rows);
        Map<UUID, String> expected = new HashMap<>();
        membership.forEach((id, status) -> expected.put(id, status == null ? "none" : status));
        assertThat(rows(membership, "coalesce(membership_status, 'none')")).isEqualTo(expected);
    }

    /**
     * Four companies: one only registered, one that applied, one that became a member, one that became a
     * member and was suspended. Then a redelivered older state of the suspended one and a fact this
     * projection does not know. Returns each company's last membership status (null: never applied).
     */
    private static Map<UUID, String> publishHistory(String topic) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<String> lives = List.of("", "APPLIED", "APPLIED,ACTIVE", "APPLIED,ACTIVE,SUSPENDED");
        Map<UUID, String> last = new HashMap<>();
        UUID suspended = null;
        for (int i = 0; i < lives.size(); i++) {
            UUID companyId = UUID.randomUUID();
            String name = "Blekinge Verkstad " + i + " AB";
            send(topic, CompanyEvents.REGISTERED, companyId, name, null, start);
            String status = null;
            int step = 1;
            for (String next :
                    lives.get(i).isEmpty() ? new String[0] : lives.get(i).split(",")) {
                status = next;
                send(
                        topic,
                        "se.techtank.members.company.membership-" + fact(next),
                        companyId,
                        name,
                        status,
                        start.plusSeconds(step++));
            }
            last.put(companyId, status);
            suspended = companyId;
        }
        send(topic, CompanyEvents.MEMBERSHIP_ACTIVATED, suspended, "Stale AB", "ACTIVE", start.plusSeconds(2));
        CloudEventFixture.on(topic)
                .from("/members-service")
                .unknownType("se.techtank.members.company.some-future-fact")
                .subject(suspended)
                .data("{\"companyId\":\"" + suspended + "\"}")
                .send();
        return last;
    }

    private static String fact(String status) {
        return switch (status) {
            case "APPLIED" -> "applied";
            case "ACTIVE" -> "activated";
            case "SUSPENDED" -> "suspended";
            default -> throw new IllegalArgumentException(status);
        };
    }

    private static void send(String topic, String type, UUID companyId, String name, String status, OffsetDateTime at) {
        CloudEventFixture.on(topic)
                .from("/members-service")
                .type(type, CompanyEvents.schema(type))
                .subject(companyId)
                .time(at)
                .data(CompanyEventBuilder.state(companyId, name, "1081", status, at))
                .send();
    }

    /**
     * Consumes the topic as a service's consumer would under {@code group} and inbox {@code consumer}
     * name, until the group has read to the end; returns how many events took effect (not skipped by the
     * inbox). Records of an unknown type take effect without changing a row.
     */
    private static int run(String topic, String group, String consumer, CompanyProjection projection) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        int[] effects = {0};
        try (KafkaConsumer<String, String> kafka =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            kafka.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            kafka.assign(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                    if (process(consumer, record, projection)) {
                        effects[0]++;
                    }
                }
                kafka.commitSync();
                return partitions.stream().allMatch(p -> kafka.position(p) >= end.get(p));
            });
        }
        return effects[0];
    }

    /** The inbox's contract: the effect and the record of the event id in one transaction, once per consumer. */
    private static boolean process(
            String consumer, ConsumerRecord<String, String> record, CompanyProjection projection) {
        IncomingEvent event = IncomingEvent.from(record, MAPPER);
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement first = connection.prepareStatement(
                    "insert into inbox (consumer, event_id) values (?, ?) on conflict do nothing")) {
                first.setString(1, consumer);
                first.setString(2, event.id());
                if (first.executeUpdate() == 0) {
                    connection.rollback();
                    return false;
                }
            }
            projection.apply(event, connection);
            connection.commit();
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<UUID, String> rows(Map<UUID, String> companies, String expression) {
        Map<UUID, String> rows = new HashMap<>();
        for (UUID companyId : companies.keySet()) {
            rows.put(
                    companyId,
                    TestSql.queryForString(
                            database, "select " + expression + " from company where id = ?::uuid", companyId));
        }
        return rows;
    }
}
