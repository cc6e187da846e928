package se.techtank.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestPostgres;
import se.techtank.platform.testing.TestSql;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox retention against a real PostgreSQL with the platform schema. */
class InboxRetentionTest {

    private static DataSource database;

    @BeforeAll
    static void migrate() {
        database = TestPostgres.get().dataSource("platform_inbox_test");
        Flyway.configure()
                .dataSource(database)
                .schemas("platform")
                .table("platform_schema_history")
                .locations("classpath:db/platform")
                .load()
                .migrate();
    }

    @Test
    void ids_processed_before_the_retention_are_deleted_and_younger_ones_kept() throws SQLException {
        TestSql.execute(database, "delete from platform.inbox");
        processed("old-1", Duration.ofDays(15));
        processed("old-2", Duration.ofDays(30));
        processed("young", Duration.ofDays(13));
        processed("new", Duration.ZERO);

        int deleted;
        try (Connection connection = database.getConnection()) {
            deleted = InboxRetention.deleteProcessedBefore(connection, Duration.ofDays(14));
        }

        assertThat(deleted).isEqualTo(2);
        assertThat(TestSql.queryForString(
                        database, "select string_agg(event_id, ',' order by event_id) from platform.inbox"))
                .isEqualTo("new,young");
    }

    private static void processed(String eventId, Duration ago) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into platform.inbox (consumer, event_id, event_type, processed_at)"
                                + " values ('retention-test', ?, 'test', now() - ?::interval)")) {
            insert.setString(1, eventId);
            insert.setString(2, ago.toSeconds() + " seconds");
            insert.executeUpdate();
        }
    }
}
