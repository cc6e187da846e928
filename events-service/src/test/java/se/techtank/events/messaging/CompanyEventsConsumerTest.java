package se.techtank.events.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TestEvents;
import se.techtank.platform.testing.TestKafka;
import se.techtank.platform.testing.TestSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class CompanyEventsConsumerTest {

    private static final String TOPIC = "members.company.v1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource database;

    @Test
    void a_registered_company_lands_in_the_read_model() {
        UUID companyId = UUID.randomUUID();

        registered(companyId, "Olofströms Pressverktyg AB", "1060").send();

        await().atMost(WAIT).until(() -> "Olofströms Pressverktyg AB".equals(companyName(companyId)));
        assertThat(row(companyId, "organisation_number || '/' || municipality_code || '/' || in_blekinge"))
                .isEqualTo("556036-0793/1060/true");
    }

    @Test
    void the_same_event_delivered_twice_has_one_effect() {
        UUID companyId = UUID.randomUUID();
        String eventId = registered(companyId, "Ronneby Plast AB", "1081").send();
        await().atMost(WAIT).until(() -> "Ronneby Plast AB".equals(companyName(companyId)));

        // Redelivery of the same event id, with another payload so that a second effect would show.
        registered(companyId, "Changed Name AB", "1081").id(eventId).send();
        awaitConsumedUpTo(companyId);

        assertThat(companyName(companyId)).isEqualTo("Ronneby Plast AB");
        assertThat(inboxRows(eventId)).isEqualTo(1);
    }

    @Test
    void an_older_state_does_not_overwrite_a_newer_one() {
        UUID companyId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        registered(companyId, "Newer Name AB", "1080").time(now).send();
        registered(companyId, "Older Name AB", "1080").time(now.minusMinutes(5)).send();
        awaitConsumedUpTo(companyId);

        assertThat(companyName(companyId)).isEqualTo("Newer Name AB");
    }

    @Test
    void a_malformed_record_goes_to_the_dead_letter_topic_and_the_next_one_is_processed() {
        try (KafkaTestConsumer deadLetters =
                KafkaTestConsumer.subscribe(TestKafka.get().bootstrapServers(), TOPIC + ".dlq")) {
            UUID notJson = UUID.randomUUID();
            UUID noHeaders = UUID.randomUUID();
            UUID good = UUID.randomUUID();

            registered(notJson, "Broken AB", "1083").brokenData("{not json").send();
            TestEvents.send(TestKafka.get().bootstrapServers(), TOPIC, noHeaders.toString(), Map.of(), "{}");
            registered(good, "Sölvesborgs Stål AB", "1083").send();

            await().atMost(WAIT).until(() -> "Sölvesborgs Stål AB".equals(companyName(good)));
            assertThat(deadLetters
                            .awaitEvent(e -> notJson.toString().equals(e.key()))
                            .value())
                    .isEqualTo("{not json");
            assertThat(deadLetters
                            .awaitEvent(e -> noHeaders.toString().equals(e.key()))
                            .headers())
                    .containsKey("dead-letter-reason");
            assertThat(companyName(notJson)).isNull();
        }
    }

    /** A company.registered event as members-service publishes it (validated against its schema on send). */
    private static CloudEventFixture registered(UUID companyId, String name, String municipality) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        return CloudEventFixture.on(TOPIC)
                .from("/members-service")
                .type("se.techtank.members.company.registered", "contracts/members/company.registered.v1.json")
                .subject(companyId)
                .data("""
                        {"companyId":"%s","organisationNumber":"556036-0793","name":"%s","municipalityCode":"%s",\
                        "inBlekinge":%s,"createdAt":"%s","modifiedAt":"%s","aFieldAddedLater":{"ignored":true}}""".formatted(companyId, name, municipality, municipality.startsWith("10"), now, now));
    }

    /**
     * Sends an event of a type this service does not know yet on the company's partition and waits
     * until it is in the inbox: everything sent before it for that company has been consumed.
     */
    private void awaitConsumedUpTo(UUID companyId) {
        String marker = CloudEventFixture.on(TOPIC)
                .from("/members-service")
                .unknownType("se.techtank.members.company.some-future-fact")
                .subject(companyId)
                .data("{\"companyId\":\"" + companyId + "\"}")
                .send();
        await().atMost(WAIT).until(() -> inboxRows(marker) == 1);
    }

    private String companyName(UUID companyId) {
        return row(companyId, "name");
    }

    private String row(UUID companyId, String expression) {
        return TestSql.queryForString(database, "select " + expression + " from company where id = ?::uuid", companyId);
    }

    private long inboxRows(String eventId) {
        return TestSql.queryForLong(
                database,
                "select count(*) from platform.inbox where consumer = 'company-read-model' and event_id = ?",
                eventId);
    }
}
