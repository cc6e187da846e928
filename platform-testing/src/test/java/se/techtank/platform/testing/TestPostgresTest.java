package se.techtank.platform.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPostgresTest {

    private static String freshDatabaseName() {
        return "pt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Test
    void the_same_server_is_returned_on_every_call() {
        assertThat(TestPostgres.get()).isSameAs(TestPostgres.get());
    }

    @Test
    void a_new_database_is_created_and_usable() throws SQLException {
        String database = freshDatabaseName();
        String url = TestPostgres.get().jdbcUrl(database);
        assertThat(url).startsWith("jdbc:postgresql://").contains("/" + database);

        DataSource dataSource = TestPostgres.get().dataSource(database);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(connection.getCatalog()).isEqualTo(database);
            try (ResultSet one = statement.executeQuery("select 1")) {
                assertThat(one.next()).isTrue();
                assertThat(one.getInt(1)).isEqualTo(1);
            }
            statement.execute("create table company (id uuid primary key, name text not null)");
            statement.execute("insert into company values (gen_random_uuid(), 'Techtank AB')");
            try (ResultSet names = statement.executeQuery("select name from company")) {
                assertThat(names.next()).isTrue();
                assertThat(names.getString(1)).isEqualTo("Techtank AB");
            }
            try (ResultSet version = statement.executeQuery("show server_version")) {
                assertThat(version.next()).isTrue();
                assertThat(version.getString(1)).startsWith("17.");
            }
        }
    }

    @Test
    void asking_again_keeps_the_database_and_its_data() throws SQLException {
        String database = freshDatabaseName();
        try (Connection connection = TestPostgres.get().dataSource(database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table kept (id int)");
        }
        String again = TestPostgres.get().jdbcUrl(database);
        try (Connection connection = TestPostgres.get().dataSource(database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("select count(*) from kept")) {
            assertThat(again).endsWith("/" + database);
            assertThat(tables.next()).isTrue();
        }
    }

    @Test
    void concurrent_creators_of_one_database_all_succeed() throws SQLException {
        String database = freshDatabaseName();
        TestPostgres postgres = TestPostgres.get();
        List<CompletableFuture<String>> creators = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> postgres.jdbcUrl(database)))
                .toList();

        List<String> urls = creators.stream().map(CompletableFuture::join).toList();

        assertThat(urls).hasSize(4).allSatisfy(url -> assertThat(url).isEqualTo(urls.get(0)));
        try (Connection connection = postgres.dataSource("postgres").getConnection();
                Statement statement = connection.createStatement();
                ResultSet count =
                        statement.executeQuery("select count(*) from pg_database where datname = '" + database + "'")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void a_configured_server_url_gets_the_database_name_replaced_and_keeps_its_parameters() {
        TestPostgres server =
                TestPostgres.forServer("jdbc:postgresql://db.example:6543/ci?sslmode=disable", "ci", "pw");
        TestPostgres withoutDatabase = TestPostgres.forServer("jdbc:postgresql://db.example:6543", "ci", "pw");

        assertThat(server.urlOf("members")).isEqualTo("jdbc:postgresql://db.example:6543/members?sslmode=disable");
        assertThat(withoutDatabase.urlOf("events")).isEqualTo("jdbc:postgresql://db.example:6543/events");
        assertThat(server.username()).isEqualTo("ci");
        assertThat(server.password()).isEqualTo("pw");
    }

    @Test
    void a_database_name_that_is_not_a_plain_identifier_is_rejected() {
        assertThatThrownBy(() -> TestPostgres.get().jdbcUrl("x\"; drop database postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
