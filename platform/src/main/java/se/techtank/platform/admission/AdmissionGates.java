package se.techtank.platform.admission;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.config.Config;

/**
 * The admission gates of this replica by name, made on first use from {@code techtank.admission.<name>.*}
 * (see {@link Admitted}). A keyed gate is {@value #STRIPES} gates of the same settings, chosen by the key's
 * hash.
 */
@ApplicationScoped
public class AdmissionGates {

    /** Gates per keyed name: two busy keys rarely share one. */
    public static final int STRIPES = 64;

    private final Config config;
    private final MeterRegistry registry;
    private final Duration defaultMaxWait;
    private final Map<String, AdmissionGate> single = new ConcurrentHashMap<>();
    private final Map<String, AdmissionGate[]> striped = new ConcurrentHashMap<>();

    @Inject
    AdmissionGates(Config config, MeterRegistry registry, AgroalDataSource dataSource) {
        this(
                config,
                registry,
                dataSource.getConfiguration().connectionPoolConfiguration().acquisitionTimeout());
    }

    AdmissionGates(Config config, MeterRegistry registry, Duration defaultMaxWait) {
        this.config = config;
        this.registry = registry;
        this.defaultMaxWait = defaultMaxWait;
    }

    /** The gate named {@code name}. */
    public AdmissionGate gate(String name) {
        return single.computeIfAbsent(name, this::newGate);
    }

    /** The gate named {@code name} that calls with {@code key} take turns at. */
    public AdmissionGate gate(String name, Object key) {
        AdmissionGate[] stripes = striped.computeIfAbsent(name, n -> {
            AdmissionGate[] gates = new AdmissionGate[STRIPES];
            for (int i = 0; i < STRIPES; i++) {
                gates[i] = newGate(n);
            }
            return gates;
        });
        return stripes[Math.floorMod(key == null ? 0 : key.hashCode(), STRIPES)];
    }

    private AdmissionGate newGate(String name) {
        String prefix = "techtank.admission." + name + ".";
        int concurrency = config.getOptionalValue(prefix + "concurrency", Integer.class)
                .orElse(Runtime.getRuntime().availableProcessors());
        Duration maxWait =
                config.getOptionalValue(prefix + "max-wait", Duration.class).orElse(defaultMaxWait);
        return new AdmissionGate(name, concurrency, maxWait, registry);
    }
}
