package se.techtank.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The services this launcher runs as child JVMs: started together, awaited ready, stopped first. */
final class RunningServices {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Layout layout;
    private final String java;
    private final Map<Services.Spec, ChildProcess> running = new LinkedHashMap<>();
    private int replicas = 1;

    RunningServices(Layout layout, String java) {
        this.layout = layout;
        this.java = java;
    }

    /** Starts {@code specs} against the infrastructure and waits until every one is ready. */
    void start(List<Services.Spec> specs, Infrastructure infrastructure, StartGuard guard) throws Exception {
        start(specs, 1, Map.of(), infrastructure, guard);
    }

    /**
     * Starts {@code replicas} replicas of each of {@code specs} (each its own JVM, the same database and broker;
     * replica n on the ports + 10 × (n - 1)), with {@code extraEnv} added to their environment, and waits until
     * every one is ready.
     */
    void start(
            List<Services.Spec> specs,
            int replicas,
            Map<String, String> extraEnv,
            Infrastructure infrastructure,
            StartGuard guard)
            throws Exception {
        if (specs.isEmpty()) {
            return;
        }
        this.replicas = replicas;
        Console.Step step = Console.step();
        Map<String, String> env = new LinkedHashMap<>(infrastructure.serviceEnvironment());
        env.putAll(extraEnv);
        guard.step(() -> {
            for (int replica = 1; replica <= replicas; replica++) {
                for (Services.Spec spec : specs) {
                    Map<String, String> serviceEnv = new LinkedHashMap<>(env);
                    serviceEnv.put("DB_URL", infrastructure.database().jdbcUrl(spec.database()));
                    Services.Spec instance = spec.replica(replica);
                    running.put(instance, Services.start(instance, spec.name(replica), layout, java, serviceEnv));
                }
            }
            return null;
        });
        step.done("Started "
                + (specs.size() == Services.ALL.size()
                        ? "the " + specs.size() + " services"
                        : String.join(
                                ", ", specs.stream().map(Services.Spec::module).toList()))
                + (replicas > 1 ? ", " + replicas + " replicas of each" : ""));
        // Eight JVMs starting at once on a small machine take longer than four.
        Services.awaitReady(running, READY_TIMEOUT.multipliedBy(replicas), layout, guard::stopping);
    }

    boolean runs(Services.Spec spec) {
        return running.containsKey(spec);
    }

    /** The services started (their first replicas), in start order. */
    Set<Services.Spec> specs() {
        Set<Services.Spec> first = new LinkedHashSet<>();
        for (Services.Spec spec : running.keySet()) {
            if (Services.ALL.contains(spec)) {
                first.add(spec);
            }
        }
        return first;
    }

    /** How many replicas of each service run (1 unless {@code --replicas}). */
    int replicas() {
        return replicas;
    }

    List<ChildProcess> processes() {
        return new ArrayList<>(running.values());
    }

    void stop() {
        if (!running.isEmpty()) {
            Console.Step step = Console.step();
            Services.stopAll(List.copyOf(running.values()), STOP_GRACE);
            step.done("Services stopped");
        }
    }
}
