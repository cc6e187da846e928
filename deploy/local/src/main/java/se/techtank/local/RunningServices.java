package se.techtank.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    RunningServices(Layout layout, String java) {
        this.layout = layout;
        this.java = java;
    }

    /** Starts {@code specs} against the infrastructure and waits until every one is ready. */
    void start(List<Services.Spec> specs, Infrastructure infrastructure, StartGuard guard) throws Exception {
        if (specs.isEmpty()) {
            return;
        }
        Console.Step step = Console.step();
        Map<String, String> env = infrastructure.serviceEnvironment();
        guard.step(() -> {
            for (Services.Spec spec : specs) {
                Map<String, String> serviceEnv = new LinkedHashMap<>(env);
                serviceEnv.put("DB_URL", infrastructure.database().jdbcUrl(spec.database()));
                running.put(spec, Services.start(spec, layout, java, serviceEnv));
            }
            return null;
        });
        step.done("Started "
                + (running.size() == Services.ALL.size()
                        ? "the " + running.size() + " services"
                        : String.join(
                                ", ",
                                running.keySet().stream()
                                        .map(Services.Spec::module)
                                        .toList())));
        Services.awaitReady(running, READY_TIMEOUT, layout, guard::stopping);
    }

    boolean runs(Services.Spec spec) {
        return running.containsKey(spec);
    }

    /** The services started, in start order. */
    Set<Services.Spec> specs() {
        return running.keySet();
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
