package se.techtank.events.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import se.techtank.platform.inbox.ConsumerStalls;
import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TcpProxy;
import se.techtank.platform.testing.TestKafka;
import se.techtank.platform.testing.TestManagement;
import se.techtank.platform.testing.TestPostgres;
import se.techtank.platform.testing.TestSql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The database goes away while company events arrive (a failover, as an operator would see it): the
 * service reaches PostgreSQL through a proxy that the test cuts. No good event may reach the dead-letter
 * topic because of that; once the database is back every event is applied exactly once, without a restart.
 */
@QuarkusTest
@TestProfile(InboxResilienceTest.DatabaseBehindProxy.class)
class InboxResilienceTest {

    private static final String TOPIC = "members.company.v1";
    private static final String CONSUMER = "company-read-model";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The service's pools (both) connect through {@link #PROXY}; the infrastructure failures are retried fast. */
    public static class DatabaseBehindProxy implements QuarkusTestProfile {

        static final TcpProxy PROXY =
                TcpProxy.shared("events-database", TestPostgres.get().address());

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    TestPostgres.get().jdbcUrlThrough(PROXY, "events"),
                    "techtank.inbox.max-retry-delay",
                    "PT1S");
        }
    }

    /** Straight to the server, past the proxy: the test's own view of the database. */
    private final DataSource database = TestPostgres.get().dataSource("events");

    @Inject
    ConsumerStalls stalls;

    @Test
    void events_that_arrive_while_the_database_is_unreachable_are_applied_once_it_is_back_and_none_is_dead_lettered() {
        try (KafkaTestConsumer deadLetters =
                KafkaTestConsumer.subscribe(TestKafka.get().bootstrapServers(), TOPIC + ".dlq")) {
            List<UUID> before = companies(5);
            List<String> beforeEvents = before.stream().map(this::registered).toList();
            await().atMost(WAIT).until(() -> applied(beforeEvents) == beforeEvents.size());

            DatabaseBehindProxy.PROXY.cut();
            int refusedAtCut = DatabaseBehindProxy.PROXY.refusedConnections();
            List<UUID> during = companies(30);
            List<String> duringEvents = during.stream().map(this::registered).toList();

            // The consumer has tried more often than a bounded retry would (it gave up after three) ...
            await().atMost(WAIT).until(() -> DatabaseBehindProxy.PROXY.refusedConnections() - refusedAtCut >= 4);
            await().atMost(WAIT).until(() -> stalls.current().containsKey(CONSUMER));
            // ... and says so in the dependencies group, not in readiness.
            given().when()
                    .get(TestManagement.url("/q/health/group/dependencies"))
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'inbox' }.status", equalTo("DOWN"));

            DatabaseBehindProxy.PROXY.restore();

            await().atMost(WAIT).until(() -> applied(duringEvents) == duringEvents.size());
            assertThat(companiesInReadModel(during)).containsExactlyInAnyOrderElementsOf(idsOf(during));
            assertThat(companiesInReadModel(before)).containsExactlyInAnyOrderElementsOf(idsOf(before));
            await().atMost(WAIT).until(() -> stalls.current().isEmpty());
            given().when()
                    .get(TestManagement.url("/q/health/group/dependencies"))
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'inbox' }.status", equalTo("UP"));

            Set<String> ours = new java.util.HashSet<>(idsOf(during));
            ours.addAll(idsOf(before));
            assertThat(deadLetters.received())
                    .as("nothing of ours on the dead-letter topic")
                    .noneMatch(event -> ours.contains(event.key()));
            // Processing went on: a company registered now is applied at once.
            String after = registered(UUID.randomUUID());
            await().atMost(WAIT).until(() -> applied(List.of(after)) == 1);
        } finally {
            DatabaseBehindProxy.PROXY.restore();
        }
    }

    private static List<UUID> companies(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static List<String> idsOf(List<UUID> companies) {
        return companies.stream().map(UUID::toString).toList();
    }

    /** Sends a company.registered event as members-service publishes it; returns its event id. */
    private String registered(UUID companyId) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        return CloudEventFixture.on(TOPIC)
                .from("/members-service")
                .type("se.techtank.members.company.registered", "contracts/members/company.registered.v1.json")
                .subject(companyId)
                .data("""
                        {"companyId":"%s","organisationNumber":"556036-0793","name":"Resilient %s AB",\
                        "municipalityCode":"1080","inBlekinge":true,"createdAt":"%s","modifiedAt":"%s"}""".formatted(companyId, companyId.toString().substring(0, 8), now, now))
                .send();
    }

    private long applied(List<String> eventIds) {
        return TestSql.queryForLong(
                database,
                "select count(*) from platform.inbox where consumer = ? and event_id = any(string_to_array(?, ','))",
                CONSUMER,
                String.join(",", eventIds));
    }

    private List<String> companiesInReadModel(List<UUID> companies) {
        String found = TestSql.queryForString(
                database,
                "select string_agg(id::text, ',') from company where id::text = any(string_to_array(?, ','))",
                companies.stream().map(UUID::toString).collect(Collectors.joining(",")));
        return found == null ? List.of() : List.of(found.split(","));
    }
}
