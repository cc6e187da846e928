package se.techtank.platform.testing;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordedEventsTest {

    private static final String RECORDED = "se.techtank.sample.thing.recorded";
    private static final String NEVER = "se.techtank.sample.thing.forgotten";

    private static String databaseWithOutbox(String... eventTypes) {
        String database = "re_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        DataSource dataSource = TestPostgres.get().dataSource(database);
        TestSql.execute(dataSource, "create schema platform");
        TestSql.execute(
                dataSource, "create table platform.outbox (seq bigserial primary key, event_type text not null)");
        for (String type : eventTypes) {
            TestSql.execute(dataSource, "insert into platform.outbox (event_type) values (?)", type);
        }
        return database;
    }

    @Test
    void the_recorded_types_are_read_from_the_outbox_once_each() {
        String database = databaseWithOutbox(RECORDED, RECORDED, "se.techtank.sample.thing.changed");

        assertThat(RecordedEvents.recordedTypes(database))
                .containsExactly("se.techtank.sample.thing.changed", RECORDED);
    }

    @Test
    void a_listed_type_that_no_test_recorded_fails_by_name() {
        String database = databaseWithOutbox(RECORDED);
        TechtankTestResource.markUsed(database);

        assertThatThrownBy(() -> RecordedEvents.assertEveryListedTypeRecorded(database, List.of(RECORDED, NEVER)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(NEVER);
    }

    @Test
    void every_listed_type_recorded_passes() {
        String database = databaseWithOutbox(RECORDED, "se.techtank.sample.thing.unlisted");
        TechtankTestResource.markUsed(database);

        assertThatCode(() -> RecordedEvents.assertEveryListedTypeRecorded(database, List.of(RECORDED)))
                .doesNotThrowAnyException();
    }

    @Test
    void nothing_listed_is_a_failure_not_a_pass() {
        String database = databaseWithOutbox(RECORDED);
        TechtankTestResource.markUsed(database);

        assertThatThrownBy(() -> RecordedEvents.assertEveryListedTypeRecorded(database, List.of()))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void a_database_no_quarkus_test_used_skips_the_check() {
        String database = databaseWithOutbox();

        assertThatThrownBy(() -> RecordedEvents.assertEveryListedTypeRecorded(database, List.of(NEVER)))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(database);
    }
}
