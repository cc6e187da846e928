package se.techtank.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TechtankTestResourceTest {

    @Test
    void start_points_the_service_at_its_database_the_broker_and_the_smtp_server() throws Exception {
        TechtankTestResource resource = new TechtankTestResource();
        resource.init(Map.of("database", "resource_test", "smtp", "true"));

        Map<String, String> config = resource.start();

        assertThat(config)
                .containsEntry("quarkus.datasource.jdbc.url", TestPostgres.get().jdbcUrl("resource_test"))
                .containsEntry("quarkus.datasource.username", TestPostgres.get().username())
                .containsEntry("quarkus.datasource.password", TestPostgres.get().password())
                .containsEntry("kafka.bootstrap.servers", TestKafka.get().bootstrapServers())
                .containsEntry("quarkus.mailer.host", "127.0.0.1")
                .containsEntry(
                        "quarkus.mailer.port", String.valueOf(TestSmtp.get().port()))
                .containsEntry("quarkus.mailer.mock", "false")
                .containsEntry("quarkus.mailer.start-tls", "DISABLED");
        try (Connection connection = DriverManager.getConnection(
                config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"))) {
            assertThat(connection.isValid(5)).isTrue();
        }
        try (KafkaTestConsumer consumer =
                KafkaTestConsumer.subscribe(config.get("kafka.bootstrap.servers"), "events.meeting.v1.dlq")) {
            assertThat(consumer.topic()).isEqualTo("events.meeting.v1.dlq");
        }
        resource.stop();
    }

    @Test
    void without_smtp_there_is_no_mailer_configuration() {
        TechtankTestResource resource = new TechtankTestResource();
        resource.init(Map.of("database", "resource_test"));

        assertThat(resource.start()).doesNotContainKey("quarkus.mailer.host");
    }

    @Test
    void the_database_argument_is_required() {
        assertThatThrownBy(() -> new TechtankTestResource().init(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
    }
}
