package se.techtank.platform.tracing;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Where spans go while no collector is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT} unset, so {@code
 * techtank.tracing.export-endpoint} is {@code none}): nowhere. Spans are still made, so that logs carry trace
 * ids and events their {@code traceparent}.
 *
 * <p>Why a bean: Quarkus's OTLP exporter would otherwise send to {@code http://localhost:4317} and log a
 * failure per batch; it is not started while the application has a {@link SpanExporter} bean of its own, and
 * the endpoint alone cannot turn it off. Looked up only while the property says {@code none}, this bean is
 * invisible once an endpoint is set, and the OTLP exporter starts.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "techtank.tracing.export-endpoint", stringValue = "none")
public class DroppedSpans implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
