package se.techtank.platform.metrics;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for {@code http_server_requests_seconds}, so a dashboard and an alert can compute the
 * p99 per service across replicas ({@code histogram_quantile} over summed buckets; per-pod percentiles cannot
 * be added up). A fixed set of bounds around the latency targets, not Micrometer's full histogram: a few
 * series per endpoint instead of seventy.
 */
@Singleton
public class HttpServerBuckets {

    static final String METER = "http.server.requests";

    static final Duration[] BOUNDS = Stream.of(5, 10, 25, 50, 100, 150, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(METER)) {
                    return config;
                }
                double[] nanos =
                        Stream.of(BOUNDS).mapToDouble(Duration::toNanos).toArray();
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos)
                        .build()
                        .merge(config);
            }
        };
    }
}
