package se.techtank.events.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import se.techtank.events.api.MeetingsApi;
import se.techtank.platform.testing.SecuredTestKafka;
import se.techtank.platform.testing.TestEvents;
import se.techtank.platform.testing.TestManagement;
import se.techtank.platform.testing.TestPostgres;
import se.techtank.platform.testing.TestSql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service against a broker that, like a production cluster, lets in only authenticated clients
 * (SASL PLAIN, ACLs): with the credentials in its {@code kafka.*} settings, the outbox relay publishes, the
 * consumers consume and the health check reaches the cluster. Then the broker goes away, as in an outage:
 * the service stays ready (it still takes writes, the outbox keeps their events) and says so in the
 * dependencies group instead.
 */
@QuarkusTest
@TestProfile(SecuredKafkaTest.SecuredBroker.class)
class SecuredKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Every Kafka setting of the service points at the secured broker, with the service's user. */
    public static class SecuredBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return SecuredTestKafka.shared().serviceConfig();
        }
    }

    private final DataSource database = TestPostgres.get().dataSource("events");

    @Test
    void every_client_authenticates_with_the_configured_credentials_and_a_broker_outage_leaves_the_service_ready() {
        SecuredTestKafka broker = SecuredTestKafka.shared();
        String bootstrap = broker.bootstrapServers();

        // Without credentials the broker lets nobody in: the settings below are what makes the difference.
        try (Admin anonymous = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000))) {
            assertThatThrownBy(() -> anonymous.describeCluster().nodes().get(5, TimeUnit.SECONDS))
                    .as("a client without SASL credentials")
                    .isNotNull();
        }

        // The health check's admin client is in.
        await().atMost(WAIT)
                .untilAsserted(() -> given().get(TestManagement.url("/q/health/group/dependencies"))
                        .then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'kafka' }.status", equalTo("UP")));

        try (KafkaConsumer<String, String> registrations = consumer(bootstrap, "events.registration.v1")) {
            // The relay's producer publishes: a registration's event reaches the topic.
            String meetingId = MeetingsApi.publishedMeeting(10);
            String registrationId = MeetingsApi.register(null, meetingId, MeetingsApi.registration("Sasl Svensson"))
                    .statusCode(201)
                    .extract()
                    .path("id");
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                registrations.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.stream().anyMatch(record -> registrationId.equals(record.key()));
            });
        }

        // The consumers consume: a company event published with the producer's credentials reaches the read model.
        UUID companyId = UUID.randomUUID();
        publishCompanyRegistered(bootstrap, companyId);
        await().atMost(WAIT)
                .until(() -> TestSql.queryForLong(
                                database, "select count(*) from company where id = ?::uuid", companyId.toString())
                        == 1);

        // The outage: the broker stops for good.
        broker.stop();

        await().atMost(WAIT)
                .untilAsserted(() -> given().get(TestManagement.url("/q/health/group/dependencies"))
                        .then()
                        .statusCode(503)
                        .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN")));
        given().get(TestManagement.url("/q/health/ready"))
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().get(TestManagement.url("/q/health/live")).then().statusCode(200);

        // Writes go on: the event waits in the outbox until Kafka is back.
        String meetingId = MeetingsApi.publishedMeeting(10);
        String registrationId = MeetingsApi.register(null, meetingId, MeetingsApi.registration("Outage Olsson"))
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from platform.outbox where aggregate_id = ? and sent_at is null",
                        registrationId))
                .isEqualTo(1);
        given().get(TestManagement.url("/q/health/ready")).then().statusCode(200);
    }

    private static Map<String, Object> client(String bootstrap) {
        Map<String, Object> config =
                new HashMap<>(SecuredTestKafka.clientSecurity(SecuredTestKafka.USER, SecuredTestKafka.PASSWORD));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
        Map<String, Object> config = client(bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
        return consumer;
    }

    private static void publishCompanyRegistered(String bootstrap, UUID companyId) {
        Map<String, Object> config = client(bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String data = """
                {"companyId":"%s","organisationNumber":"556036-0793","name":"Sasl %s AB",\
                "municipalityCode":"1080","inBlekinge":true,"createdAt":"%s","modifiedAt":"%s"}""".formatted(companyId, companyId.toString().substring(0, 8), now, now);
        ProducerRecord<String, String> record = new ProducerRecord<>("members.company.v1", companyId.toString(), data);
        TestEvents.cloudEventHeaders(
                        UUID.randomUUID().toString(),
                        "/members-service",
                        "se.techtank.members.company.registered",
                        companyId.toString(),
                        "contracts/members/company.registered.v1.json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to the secured broker", e);
        }
    }
}
