package se.techtank.members;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.techtank.platform.outbox.OutboxRetention;
import se.techtank.platform.testing.TestManagement;
import se.techtank.platform.testing.TestSql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The outbox as an operator sees it, with this replica's relay stopped so that rows stay unsent:
 * readiness goes DOWN on a stale backlog, the gauge counts it, retention deletes old sent rows.
 */
@QuarkusTest
@TestProfile(OutboxOperationsTest.RelayStopped.class)
class OutboxOperationsTest {

    public static class RelayStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("techtank.outbox.relay.enabled", "false", "techtank.outbox.max-unsent-age", "PT30S");
        }
    }

    @Inject
    @DataSource("platform")
    AgroalDataSource database;

    @Inject
    OutboxRetention retention;

    @AfterEach
    void removeTestRows() {
        execute("delete from platform.outbox where aggregate_type = 'operations-test'");
    }

    @Test
    void the_dependencies_group_goes_down_while_the_oldest_unsent_event_is_too_old_and_readiness_stays_up() {
        String dependencies = TestManagement.url("/q/health/group/dependencies");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when().get(dependencies).then().statusCode(200));

        insert("now() - interval '5 minutes'", null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when()
                        .get(dependencies)
                        .then()
                        .statusCode(503)
                        .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                        .body(
                                "checks.find { it.name == 'outbox' }.data.oldestUnsentAgeSeconds",
                                org.hamcrest.Matchers.greaterThanOrEqualTo(300)));
        // The service still serves requests: it stays in its Service; an alert reports the old event.
        given().when().get(TestManagement.url("/q/health/ready")).then().statusCode(200);
        given().when()
                .get(TestManagement.url("/q/metrics"))
                .then()
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*outbox_unsent_rows(\\{[^}]*\\})? [1-9].*"));

        execute("delete from platform.outbox where aggregate_type = 'operations-test'");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when().get(dependencies).then().statusCode(200));
    }

    @Test
    void retention_deletes_sent_rows_older_than_the_retention_and_keeps_the_rest() throws Exception {
        String old = insert("now() - interval '10 days'", "now() - interval '8 days'");
        String recent = insert("now() - interval '1 day'", "now() - interval '1 day'");
        String unsent = insert("now() - interval '10 days'", null);

        retention.deleteSentBefore(Duration.ofDays(7));

        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(unsent)).as("unsent rows are never deleted").isTrue();
    }

    private String insert(String occurredAt, String sentAt) {
        String id = UUID.randomUUID().toString();
        execute("""
                insert into platform.outbox
                    (id, topic, aggregate_type, aggregate_id, event_type, data_schema, payload, occurred_at, sent_at)
                values ('%s', 'members.company.v1', 'operations-test', '%s', 'se.techtank.members.company.registered',
                        'contracts/members/company.registered.v1.json', '{}', %s, %s)
                """.formatted(id, UUID.randomUUID(), occurredAt, sentAt == null ? "null" : sentAt));
        return id;
    }

    private boolean exists(String id) {
        return TestSql.queryForLong(database, "select count(*) from platform.outbox where id = ?::uuid", id) == 1;
    }

    private void execute(String sql) {
        TestSql.execute(database, sql);
    }
}
