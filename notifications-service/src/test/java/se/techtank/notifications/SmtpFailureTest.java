package se.techtank.notifications;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.WatchesTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.techtank.notifications.NotificationFixtures.registration;
import static se.techtank.notifications.NotificationFixtures.registrationEvent;
import static se.techtank.notifications.NotificationFixtures.tuesdayMorning;

/** What the senders do when the SMTP server is down (try again later) or refuses an address (FAILED at once). */
@QuarkusTest
@TestProfile(SmtpFailureTest.ScriptedServer.class)
class SmtpFailureTest extends WatchesTopics {

    /** The mailer talks to {@link ScriptedSmtp}; temporary failures are tried again within a second. */
    public static class ScriptedServer implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.port", String.valueOf(ScriptedSmtp.get().getPort()),
                    "techtank.notifications.mail.retry-delay", "PT0.2S",
                    "techtank.notifications.mail.max-retry-delay", "PT1S",
                    "techtank.notifications.mail.send-timeout", "PT2S");
        }
    }

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer deliveries = watch("notifications.delivery.v1");

    @AfterEach
    void serverUp() {
        ScriptedSmtp.get().start();
    }

    @Test
    void while_the_server_is_down_the_delivery_stays_pending_and_is_sent_once_it_is_back() {
        ScriptedSmtp.get().stop();
        UUID registrationId = UUID.randomUUID();
        String address = "patient-" + registrationId + "@example.se";
        String eventId = registrationEvent(
                        "confirmed",
                        registrationId,
                        registration(
                                registrationId,
                                UUID.randomUUID(),
                                "CONFIRMED",
                                "Per Patient",
                                address,
                                "sv",
                                tuesdayMorning(),
                                ""))
                .send();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.queryForLong(
                                database,
                                "select count(*) from delivery where source_key = ? and status = 'PENDING'"
                                        + " and attempts >= 2",
                                eventId)
                        == 1);
        assertThat(TestSql.queryForString(database, "select last_error from delivery where source_key = ?", eventId))
                .isNotBlank()
                .doesNotContain(address)
                .doesNotContainPattern("[A-Z][A-Za-z]*(Exception|Error)\\b");
        assertThat(ScriptedSmtp.acceptedFor(ScriptedSmtp.get(), address)).isEmpty();

        ScriptedSmtp.get().start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT"
                        .equals(TestSql.queryForString(
                                database, "select status from delivery where source_key = ?", eventId)));
        assertThat(ScriptedSmtp.acceptedFor(ScriptedSmtp.get(), address)).hasSize(1);
        String deliveryId =
                TestSql.queryForString(database, "select id::text from delivery where source_key = ?", eventId);
        assertThat(ScriptedSmtp.acceptedFor(ScriptedSmtp.get(), address).get(0).data())
                .contains("Message-ID: <" + deliveryId + "@notifications.techtank.se>");
        deliveries.awaitEvent(
                e -> deliveryId.equals(e.ceSubject()) && "se.techtank.notifications.delivery.sent".equals(e.ceType()));
    }

    @Test
    void an_address_refused_with_550_fails_at_once_and_is_published_as_failed() {
        UUID registrationId = UUID.randomUUID();
        String address = "refused-" + registrationId + "@example.se";
        String eventId = registrationEvent(
                        "confirmed",
                        registrationId,
                        registration(
                                registrationId,
                                UUID.randomUUID(),
                                "CONFIRMED",
                                "Rut Refused",
                                address,
                                "sv",
                                tuesdayMorning(),
                                ""))
                .send();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "FAILED"
                        .equals(TestSql.queryForString(
                                database, "select status from delivery where source_key = ?", eventId)));
        assertThat(TestSql.queryForLong(database, "select attempts from delivery where source_key = ?", eventId))
                .isEqualTo(1);
        String deliveryId =
                TestSql.queryForString(database, "select id::text from delivery where source_key = ?", eventId);
        var failed = deliveries.awaitEvent(e -> deliveryId.equals(e.ceSubject()));
        assertThat(failed.ceType()).isEqualTo("se.techtank.notifications.delivery.failed");
        se.techtank.platform.testing.Contracts.assertValid(
                "contracts/notifications/delivery.failed.v1.json", failed.value());
        assertThat(failed.json().path("error").asText()).startsWith("SMTP 550").doesNotContain(address);
        assertThat(TestSql.queryForString(database, "select last_error from delivery where source_key = ?", eventId))
                .doesNotContain(address);
    }
}
