package se.techtank.events.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Collects every finished span of the test run in memory: a {@code SpanExporter} bean is what Quarkus's
 * default exporter setting ({@code quarkus.otel.traces.exporter=cdi}) sends spans to.
 */
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
