package se.techtank.events.tracing;

import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import se.techtank.platform.tracing.DroppedSpans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a collector named ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), {@link DroppedSpans} is not among the span
 * exporters that Quarkus looks up: its OTLP exporter starts only when that lookup finds none of the
 * application's own. (Without one, every other test runs with it: no exporter connects to localhost:4317.)
 */
@QuarkusTest
@TestProfile(TraceExportSwitchTest.CollectorNamed.class)
class TraceExportSwitchTest {

    public static class CollectorNamed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // What OTEL_EXPORTER_OTLP_ENDPOINT sets; the exporter itself stays off here (TestSpans is a bean).
            return Map.of("techtank.tracing.export-endpoint", "http://127.0.0.1:4317");
        }
    }

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void dropped_spans_steps_aside_once_a_collector_is_named() {
        assertThat(exporters.stream().map(Object::getClass).map(Class::getSimpleName))
                .noneMatch(name -> name.startsWith(DroppedSpans.class.getSimpleName()))
                .isNotEmpty();
    }
}
