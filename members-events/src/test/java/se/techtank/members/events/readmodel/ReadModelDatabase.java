package se.techtank.members.events.readmodel;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import se.techtank.platform.testing.TestPostgres;
import se.techtank.platform.testing.TestSql;

/** A database whose table {@code company} is what the library's migration makes in every consuming service. */
final class ReadModelDatabase {

    private ReadModelDatabase() {}

    /** {@code name}, migrated with {@code db/company-read-model}, its table empty and without further columns. */
    static DataSource migrated(String name) {
        DataSource database = TestPostgres.get().dataSource(name);
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/company-read-model")
                .load()
                .migrate();
        TestSql.execute(database, "alter table company drop column if exists membership_status");
        TestSql.execute(database, "truncate company");
        return database;
    }
}
