package se.techtank.events.tracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import se.techtank.events.api.MeetingsApi;
import se.techtank.platform.inbox.Inbox;
import se.techtank.platform.testing.CloudEventFixture;
import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.WatchesTopics;
import se.techtank.platform.tracing.DroppedSpans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from an HTTP request through the outbox and Kafka into a consumer (docs/events.md): the request's
 * server span, the {@code traceparent} header of the record the relay publishes, and the inbox's consumer span
 * share one trace id; and a record consumed by a real channel has exactly one consumer span, the inbox's.
 */
@QuarkusTest
class TracingTest extends WatchesTopics {

    private static final Logger LOG = Logger.getLogger(TracingTest.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTestConsumer registrationTopic = watch(MeetingsApi.REGISTRATION_TOPIC);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    Inbox inbox;

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void without_a_collector_spans_are_dropped_not_sent_to_localhost() {
        assertThat(exporters.stream().map(Object::getClass).map(Class::getSimpleName))
                .anyMatch(name -> name.startsWith(DroppedSpans.class.getSimpleName()));
    }

    @Test
    void a_registrations_trace_goes_from_the_request_through_the_outbox_to_the_consumers_span() {
        String meetingId = MeetingsApi.publishedMeeting(10);

        String registrationId = MeetingsApi.register(null, meetingId, MeetingsApi.registration("Traced Attendee"))
                .statusCode(201)
                .extract()
                .path("id");

        ReceivedEvent event = registrationTopic.awaitEvent(e -> registrationId.equals(e.key()));
        String traceparent = event.header("traceparent");
        assertThat(traceparent).as("the record carries the request's trace").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = traceparent.substring(3, 35);
        String recordingSpanId = traceparent.substring(36, 52);
        SpanData request = await().atMost(WAIT)
                .until(
                        () -> finished(traceId).stream()
                                .filter(span -> span.getKind() == SpanKind.SERVER)
                                .filter(span -> span.getName().startsWith("POST "))
                                .findFirst()
                                .orElse(null),
                        span -> span != null);
        assertThat(request.getName()).endsWith("/registrations");
        assertThat(request.getSpanId()).as("recorded inside the request's span").isEqualTo(recordingSpanId);

        // A consumer of events.registration.v1 in this JVM: the record as the broker delivered it, through the inbox.
        AtomicReference<String> traceInEffect = new AtomicReference<>();
        AtomicReference<Object> traceInLogContext = new AtomicReference<>();
        boolean applied = inbox.process("tracing-test-" + UUID.randomUUID(), recordOf(event), registered -> {
            traceInEffect.set(Span.current().getSpanContext().getTraceId());
            traceInLogContext.set(MDC.get("traceId"));
            LOG.infof("Traced %s", registered.id()); // with LOG_JSON=true: "mdc":{"traceId":…}
        });

        assertThat(applied).isTrue();
        assertThat(traceInEffect).hasValue(traceId);
        assertThat(traceInLogContext)
                .as("what the effect logs carries the trace id")
                .hasValue(traceId);
        SpanData processing = await().atMost(WAIT)
                .until(() -> consumerSpans(traceId), found -> !found.isEmpty())
                .get(0);
        assertThat(processing.getName()).isEqualTo("process " + MeetingsApi.REGISTRATION_TOPIC);
        assertThat(processing.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(processing.getAttributes().get(AttributeKey.stringKey("cloudevents.event_type")))
                .isEqualTo(event.ceType());
    }

    @Test
    void a_record_a_channel_consumes_has_one_consumer_span_the_inboxs_child_of_its_traceparent() {
        String producerTrace = UUID.randomUUID().toString().replace("-", "");
        String producerSpan = "00f067aa0ba902b7";
        UUID companyId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        CloudEventFixture.on("members.company.v1")
                .from("/members-service")
                .type("se.techtank.members.company.registered", "contracts/members/company.registered.v1.json")
                .subject(companyId)
                .header("traceparent", "00-" + producerTrace + "-" + producerSpan + "-01")
                .data("""
                        {"companyId":"%s","organisationNumber":"556036-0793","name":"Spårbar AB",\
                        "municipalityCode":"1080","inBlekinge":true,"createdAt":"%s","modifiedAt":"%s"}""".formatted(companyId, now, now))
                .send();

        SpanData processing = await().atMost(WAIT)
                .until(() -> consumerSpans(producerTrace), found -> !found.isEmpty())
                .get(0);
        assertThat(processing.getName()).isEqualTo("process members.company.v1");
        assertThat(processing.getParentSpanId()).isEqualTo(producerSpan);
        assertThat(processing.getAttributes().get(AttributeKey.stringKey("techtank.inbox.consumer")))
                .isEqualTo("company-read-model");
        // The connector does not trace the record a second time (tracing-enabled=false): no other consumer span.
        assertThat(finished(producerTrace))
                .filteredOn(span -> span.getKind() == SpanKind.CONSUMER)
                .hasSize(1);
    }

    private List<SpanData> finished(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .toList();
    }

    private List<SpanData> consumerSpans(String traceId) {
        return finished(traceId).stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER)
                .toList();
    }

    /** The record as the broker delivered it to the test's consumer. */
    private static ConsumerRecord<String, String> recordOf(ReceivedEvent event) {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>(event.topic(), event.partition(), event.offset(), event.key(), event.value());
        for (Map.Entry<String, String> header : event.headers().entrySet()) {
            record.headers()
                    .add(
                            header.getKey(),
                            header.getValue() == null ? null : header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
