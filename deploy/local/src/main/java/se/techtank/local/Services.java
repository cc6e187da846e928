package se.techtank.local;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The four Quarkus services, each a separate JVM started from its fast-jar. */
final class Services {

    record Spec(String module, int port, String database) {

        String url(String path) {
            return "http://localhost:" + port + path;
        }

        /** Health, metrics and the OpenAPI document: the management port, the API port + 100. */
        int managementPort() {
            return port + 100;
        }

        String managementUrl(String path) {
            return "http://127.0.0.1:" + managementPort() + path;
        }

        String readyUrl() {
            return managementUrl("/q/health/ready");
        }

        /** Kafka, the outbox and the consumers: the local stack waits for these too. */
        String dependenciesUrl() {
            return managementUrl("/q/health/group/dependencies");
        }

        /** Replica {@code n} (from 1) of this service: the same database, its ports + 10 × (n - 1). */
        Spec replica(int n) {
            return n == 1 ? this : new Spec(module, port + REPLICA_PORT_STEP * (n - 1), database);
        }

        /** {@code members-service} for the first replica, {@code members-service-2} for the second: logs, pids. */
        String name(int replica) {
            return replica == 1 ? module : module + "-" + replica;
        }
    }

    /** How far apart the ports of two replicas of a service are: 8081, 8091 (management 8181, 8191). */
    static final int REPLICA_PORT_STEP = 10;

    static final Spec MEMBERS = new Spec("members-service", 8081, "members");
    static final Spec EVENTS = new Spec("events-service", 8082, "events");
    static final Spec PROGRAMMES = new Spec("programmes-service", 8083, "programmes");
    static final Spec NOTIFICATIONS = new Spec("notifications-service", 8084, "notifications");

    static final List<Spec> ALL = List.of(MEMBERS, EVENTS, PROGRAMMES, NOTIFICATIONS);

    /**
     * JVM options for a service on a small machine (2 cores, four services starting at once), measured
     * against the default (G1, C2) with members-service: the C1 compiler only and the serial collector
     * start as fast or faster with less CPU time and a smaller RSS. For benchmarks, set
     * {@code LOCAL_STACK_SERVICE_JVM_OPTS} (e.g. "-Xmx512m") to replace them.
     */
    static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    static final String JVM_OPTIONS_VARIABLE = "LOCAL_STACK_SERVICE_JVM_OPTS";

    static List<String> jvmOptions() {
        String custom = System.getenv(JVM_OPTIONS_VARIABLE);
        return custom == null || custom.isBlank()
                ? DEFAULT_JVM_OPTIONS
                : List.of(custom.trim().split("\\s+"));
    }

    private Services() {}

    /** The services named in a comma-separated list, in the usual order. */
    static List<Spec> named(String names) {
        List<String> wanted = List.of(names.split(","));
        for (String name : wanted) {
            if (ALL.stream().noneMatch(s -> s.module().equals(name.trim()))) {
                throw new IllegalArgumentException("Unknown service: " + name + " (known: "
                        + String.join(", ", ALL.stream().map(Spec::module).toList()) + ")");
            }
        }
        return ALL.stream()
                .filter(s -> wanted.stream().anyMatch(w -> w.trim().equals(s.module())))
                .toList();
    }

    static ChildProcess start(Spec spec, Layout layout, String java, Map<String, String> env) throws IOException {
        return start(spec, spec.module(), layout, java, env);
    }

    /** Starts {@code spec} (a replica's ports) as process {@code name}: its log and pid file are named so. */
    static ChildProcess start(Spec spec, String name, Layout layout, String java, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions());
        command.add("-jar");
        command.add(layout.serviceJar(spec.module()).toString());
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("HTTP_PORT", Integer.toString(spec.port()));
        all.put("MANAGEMENT_PORT", Integer.toString(spec.managementPort()));
        return ChildProcess.start(
                name, command, all, layout.repo().resolve(spec.module()), layout.log(name), layout.pids());
    }

    /**
     * Waits until every service answers 200 on {@code /q/health/ready}, printing a line for each.
     * Fails at once when a service process exits, and after {@code timeout} naming the ones not ready.
     */
    static void awaitReady(Map<Spec, ChildProcess> running, Duration timeout, Layout layout, BooleanSupplier stopping)
            throws InterruptedException {
        Console.Step step = Console.step();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Spec> waiting = new ArrayList<>(running.keySet());
        while (!waiting.isEmpty()) {
            if (stopping.getAsBoolean()) {
                throw new IllegalStateException("stopped while waiting for the services");
            }
            for (Spec spec : List.copyOf(waiting)) {
                ChildProcess process = running.get(spec);
                if (!process.isAlive()) {
                    throw new IllegalStateException(process.name + " exited (code " + process.process.exitValue()
                            + ") before it was ready; last lines of " + layout.show(process.logFile) + ":\n"
                            + indent(process.tail(20)));
                }
                if (ApiClient.status(spec.readyUrl()) == 200 && ApiClient.status(spec.dependenciesUrl()) == 200) {
                    waiting.remove(spec);
                    step.done(running.get(spec).name + " ready on :" + spec.port() + " (health :"
                            + spec.managementPort() + ")");
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("Not ready after " + timeout.toSeconds() + " s:");
                for (Spec spec : waiting) {
                    ChildProcess process = running.get(spec);
                    message.append("\n\n")
                            .append(process.name)
                            .append(" (")
                            .append(spec.readyUrl())
                            .append(" answers ")
                            .append(ApiClient.status(spec.readyUrl()))
                            .append(", ")
                            .append(spec.dependenciesUrl())
                            .append(" answers ")
                            .append(ApiClient.status(spec.dependenciesUrl()))
                            .append("); last lines of ")
                            .append(layout.show(process.logFile))
                            .append(":\n")
                            .append(indent(process.tail(20)));
                }
                throw new IllegalStateException(message.toString());
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(250);
            }
        }
    }

    /** Stops all services at once: SIGTERM, and SIGKILL for any still running after {@code grace}. */
    static void stopAll(List<ChildProcess> services, Duration grace) {
        services.forEach(s -> s.process.destroy());
        List<Thread> waits = new ArrayList<>();
        for (ChildProcess service : services) {
            Thread t = new Thread(() -> {
                if (!service.stop(grace)) {
                    Console.warn(service.name + " did not stop within " + grace.toSeconds() + " s: killed");
                }
            });
            t.start();
            waits.add(t);
        }
        for (Thread t : waits) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String indent(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append("    | ")
                    .append(line.length() > 220 ? line.substring(0, 220) + " …" : line)
                    .append('\n');
        }
        return out.toString().stripTrailing();
    }
}
