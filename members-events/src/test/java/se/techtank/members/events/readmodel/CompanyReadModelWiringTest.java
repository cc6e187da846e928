package se.techtank.members.events.readmodel;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import se.techtank.members.events.CompanyEvents;
import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TestEvents;
import se.techtank.platform.testing.TestKafka;
import se.techtank.platform.testing.TestSql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The company read model as a consuming service wires it: its channel {@code members-company}, its
 * dead-letter topic, the inbox under its consumer name and its own table. What "apply if newer" decides is
 * {@link CompanyProjectionTest}'s; this is the path from the topic to the table. A service runs it as
 * {@code @QuarkusTest class CompanyReadModelTest extends CompanyReadModelWiringTest {}} (docs/events.md).
 */
public abstract class CompanyReadModelWiringTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

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
                KafkaTestConsumer.subscribe(TestKafka.get().bootstrapServers(), CompanyEvents.TOPIC + ".dlq")) {
            double deadLetteredBefore = deadLetteredRecords();
            UUID notJson = UUID.randomUUID();
            UUID noHeaders = UUID.randomUUID();
            UUID good = UUID.randomUUID();

            registered(notJson, "Broken AB", "1083").brokenData("{not json").send();
            TestEvents.send(
                    TestKafka.get().bootstrapServers(), CompanyEvents.TOPIC, noHeaders.toString(), Map.of(), "{}");
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
            // Both records counted, once each, under the topic they came from.
            await().atMost(WAIT).until(() -> deadLetteredRecords() == deadLetteredBefore + 2);
        }
    }

    /** {@code techtank_dead_letter_records_total} of this channel, 0 before its first dead letter. */
    private static double deadLetteredRecords() {
        Counter counter = Arc.container()
                .instance(MeterRegistry.class)
                .get()
                .find("techtank.dead.letter.records")
                .tag("topic", CompanyEvents.TOPIC)
                .tag("dead_letter_topic", CompanyEvents.TOPIC + ".dlq")
                .tag("channel", "members-company")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** A company.registered event as members-service publishes it (validated against its schema on send). */
    protected static CloudEventFixture registered(UUID companyId, String name, String municipality) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return CloudEventFixture.on(CompanyEvents.TOPIC)
                .from("/members-service")
                .type(CompanyEvents.REGISTERED, CompanyEvents.schema(CompanyEvents.REGISTERED))
                .subject(companyId)
                .data(CompanyEventBuilder.state(companyId, name, municipality, null, now));
    }

    /**
     * Sends an event of a type no consumer knows yet on the company's partition and waits until it is in
     * the inbox: everything sent before it for that company has been consumed.
     */
    protected void awaitConsumedUpTo(UUID companyId) {
        String marker = CloudEventFixture.on(CompanyEvents.TOPIC)
                .from("/members-service")
                .unknownType("se.techtank.members.company.some-future-fact")
                .subject(companyId)
                .data("{\"companyId\":\"" + companyId + "\"}")
                .send();
        await().atMost(WAIT).until(() -> inboxRows(marker) == 1);
    }

    protected String companyName(UUID companyId) {
        return row(companyId, "name");
    }

    /** {@code expression} over the company's row in the service's table; null without a row. */
    protected String row(UUID companyId, String expression) {
        return TestSql.queryForString(
                database(),
                "select " + expression + " from " + setting("table", "company") + " where id = ?::uuid",
                companyId);
    }

    private long inboxRows(String eventId) {
        return TestSql.queryForLong(
                database(),
                "select count(*) from platform.inbox where consumer = ? and event_id = ?",
                setting("consumer", "company-read-model"),
                eventId);
    }

    private static DataSource database() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }

    private static String setting(String name, String otherwise) {
        return ConfigProvider.getConfig()
                .getOptionalValue("techtank.company-read-model." + name, String.class)
                .orElse(otherwise);
    }
}
