package se.techtank.notifications.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TestEvents;
import se.techtank.platform.testing.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class CompanyEventsConsumerTest {

    private static final String TOPIC = "members.company.v1";
    private static final String REGISTERED = "se.techtank.members.company.registered";
    private static final String SCHEMA = "contracts/members/company.registered.v1.json";

    @Inject
    @DataSource("platform")
    AgroalDataSource database;

    @Test
    void a_registered_company_lands_in_the_read_model() {
        UUID companyId = UUID.randomUUID();
        String payload = companyState(companyId, "556036-0793", "Olofströms Pressverktyg AB", "1060");

        publish(UUID.randomUUID().toString(), companyId, REGISTERED, payload);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(companyName(companyId)).isEqualTo("Olofströms Pressverktyg AB"));
        assertThat(query("select municipality_code || '/' || in_blekinge from company where id = ?::uuid", companyId))
                .isEqualTo("1060/true");
    }

    @Test
    void the_same_event_delivered_twice_has_one_effect() {
        UUID companyId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, companyId, REGISTERED, companyState(companyId, "202100-5489", "Ronneby Plast AB", "1081"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Ronneby Plast AB".equals(companyName(companyId)));

        // Redelivery of the same event id, here with a different payload so that a second effect would show.
        publish(eventId, companyId, REGISTERED, companyState(companyId, "202100-5489", "Changed Name AB", "1081"));
        // A later event of a type this service does not know, on the same partition: once it is in the
        // inbox, the redelivered one before it has been consumed too.
        String marker = UUID.randomUUID().toString();
        publish(
                marker,
                companyId,
                "se.techtank.members.company.some-future-fact",
                "{\"companyId\":\"" + companyId + "\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxRows(marker) == 1);

        assertThat(companyName(companyId)).isEqualTo("Ronneby Plast AB");
        assertThat(inboxRows(eventId)).isEqualTo(1);
    }

    @Test
    void a_malformed_record_goes_to_the_dead_letter_topic_and_the_next_one_is_processed() {
        try (KafkaTestConsumer deadLetters =
                KafkaTestConsumer.subscribe(TestKafka.get().bootstrapServers(), TOPIC + ".dlq")) {
            UUID brokenId = UUID.randomUUID();
            UUID noHeadersId = UUID.randomUUID();
            UUID goodId = UUID.randomUUID();

            TestEvents.send(
                    TestKafka.get().bootstrapServers(),
                    TOPIC,
                    brokenId.toString(),
                    headers(UUID.randomUUID().toString(), brokenId, REGISTERED),
                    "{not json");
            TestEvents.send(TestKafka.get().bootstrapServers(), TOPIC, noHeadersId.toString(), Map.of(), "{}");
            publish(
                    UUID.randomUUID().toString(),
                    goodId,
                    REGISTERED,
                    companyState(goodId, "556036-0793", "Sölvesborgs Stål AB", "1083"));

            await().atMost(Duration.ofSeconds(20)).until(() -> "Sölvesborgs Stål AB".equals(companyName(goodId)));
            assertThat(deadLetters
                            .awaitEvent(e -> brokenId.toString().equals(e.key()))
                            .value())
                    .isEqualTo("{not json");
            assertThat(deadLetters
                            .awaitEvent(e -> noHeadersId.toString().equals(e.key()))
                            .headers())
                    .containsKey("dead-letter-reason");
            assertThat(companyName(brokenId)).isNull();
        }
    }

    @Test
    void an_older_state_does_not_overwrite_a_newer_one() {
        UUID companyId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, String> newer = headers(UUID.randomUUID().toString(), companyId, REGISTERED);
        newer.put("ce_time", now.toString());
        Map<String, String> older = headers(UUID.randomUUID().toString(), companyId, REGISTERED);
        older.put("ce_time", now.minusMinutes(5).toString());
        String marker = UUID.randomUUID().toString();

        send(companyId, newer, companyState(companyId, "556036-0793", "Newer Name AB", "1080"));
        send(companyId, older, companyState(companyId, "556036-0793", "Older Name AB", "1080"));
        publish(
                marker,
                companyId,
                "se.techtank.members.company.some-future-fact",
                "{\"companyId\":\"" + companyId + "\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxRows(marker) == 1);

        assertThat(companyName(companyId)).isEqualTo("Newer Name AB");
    }

    private static String companyState(UUID id, String organisationNumber, String name, String municipality) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String json =
                """
                {"companyId":"%s","organisationNumber":"%s","name":"%s","municipalityCode":"%s","inBlekinge":%s,\
                "createdAt":"%s","modifiedAt":"%s","aFieldAddedLater":{"ignored":true}}""".formatted(id, organisationNumber, name, municipality, municipality.startsWith("10"), now, now);
        // The fixture is what members-service publishes: it must pass the producer's schema.
        Contracts.assertValid(SCHEMA, json);
        return json;
    }

    private static void publish(String eventId, UUID companyId, String type, String payload) {
        send(companyId, headers(eventId, companyId, type), payload);
    }

    private static void send(UUID companyId, Map<String, String> headers, String payload) {
        TestEvents.send(TestKafka.get().bootstrapServers(), TOPIC, companyId.toString(), headers, payload);
    }

    private static Map<String, String> headers(String eventId, UUID companyId, String type) {
        return new java.util.HashMap<>(
                TestEvents.cloudEventHeaders(eventId, "/members-service", type, companyId.toString(), SCHEMA));
    }

    private String companyName(UUID companyId) {
        return query("select name from company where id = ?::uuid", companyId);
    }

    private int inboxRows(String eventId) {
        return Integer.parseInt(query(
                "select count(*) from platform.inbox where consumer = 'company-read-model' and event_id = ?", eventId));
    }

    private String query(String sql, Object parameter) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter.toString());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
