package se.techtank.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Carries a trace across the outbox and Kafka as W3C Trace Context: the {@code traceparent} (and {@code
 * tracestate}) of the span that records an event are kept on its outbox row, sent as record headers of the
 * same names (the CloudEvents distributed-tracing extension's names), and continued by the consumer's span.
 * Always W3C, whatever propagators the SDK is configured with: these headers are part of the event contract.
 */
public final class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private EventTracing() {}

    /** The trace context of the current span, to keep with an event. */
    public record TraceContext(String traceparent, String tracestate) {
        static final TraceContext NONE = new TraceContext(null, null);
    }

    /** The current span's {@code traceparent} and {@code tracestate}; both null when no span is active. */
    public static TraceContext current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        if (traceparent == null) {
            return TraceContext.NONE;
        }
        String tracestate = carrier.get(TRACESTATE);
        return new TraceContext(traceparent, tracestate == null || tracestate.isEmpty() ? null : tracestate);
    }

    /**
     * Starts the span of a consumer processing a record: kind CONSUMER, named {@code process <topic>}, child of
     * the record's {@code traceparent}, or the root of a new trace when the record has none. The thread's own
     * context is never the parent: a consumer thread carries nothing that belongs to this record.
     */
    public static Span startConsumerSpan(Tracer tracer, String consumer, ConsumerRecord<String, ?> record) {
        Context parent = W3C.extract(Context.root(), record, RecordHeaders.INSTANCE);
        return tracer.spanBuilder("process " + record.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.operation.name", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("techtank.inbox.consumer", consumer)
                .setAttribute("cloudevents.event_id", header(record, "ce_id"))
                .setAttribute("cloudevents.event_type", header(record, "ce_type"))
                .startSpan();
    }

    private static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private enum RecordHeaders implements TextMapGetter<ConsumerRecord<String, ?>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(ConsumerRecord<String, ?> record) {
            List<String> keys = new ArrayList<>();
            record.headers().forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(ConsumerRecord<String, ?> record, String key) {
            return record == null ? null : header(record, key);
        }
    }
}
