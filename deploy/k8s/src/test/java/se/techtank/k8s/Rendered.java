package se.techtank.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The overlays of deploy/k8s as {@code kubectl kustomize} renders them, once per test JVM. Without kubectl the
 * tests are skipped, unless {@code -Dk8s.required=true} (deploy/k8s/check, CI) makes that a failure.
 */
final class Rendered {

    static final List<String> OVERLAYS = List.of("dev", "production");
    static final List<String> SERVICES = List.of("members", "events", "programmes", "notifications");

    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Rendered() {}

    static Path k8sDir() {
        return Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
    }

    static Path repoDir() {
        return Path.of(System.getProperty("repo.dir", "../..")).toAbsolutePath().normalize();
    }

    /** Every object of the overlay, in kustomize's order. */
    static List<JsonNode> overlay(String name) {
        return RENDERED.computeIfAbsent(name, Rendered::render);
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return overlay(overlay).stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .collect(Collectors.toList());
    }

    static Optional<JsonNode> named(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }

    static JsonNode required(String overlay, String kind, String name) {
        return named(overlay, kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static List<JsonNode> render(String overlay) {
        String kubectl = kubectl();
        Path dir = k8sDir().resolve("overlays").resolve(overlay);
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " took more than 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + Files.readString(err));
                }
                List<JsonNode> objects = new ArrayList<>();
                try (var parser = YAML.getFactory().createParser(Files.readString(out, StandardCharsets.UTF_8))) {
                    for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                        JsonNode node = it.next();
                        if (node != null && !node.isNull() && !node.isMissingNode()) {
                            objects.add(node);
                        }
                    }
                }
                return List.copyOf(objects);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + dir, e);
        }
    }

    /**
     * kubectl from {@code -Dk8s.kubectl} or the PATH; skips the test (or fails it, with -Dk8s.required=true) when
     * there is none.
     */
    private static String kubectl() {
        String given = System.getProperty("k8s.kubectl", "");
        Optional<Path> found = given.isBlank()
                ? Optional.ofNullable(System.getenv("PATH")).stream()
                        .flatMap(path -> List.of(path.split(java.io.File.pathSeparator)).stream())
                        .map(dir -> Path.of(dir, "kubectl"))
                        .filter(Files::isExecutable)
                        .findFirst()
                : Optional.of(Path.of(given)).filter(Files::isExecutable);
        if (found.isEmpty()) {
            String message = "kubectl is not on the PATH: the Kubernetes manifests of deploy/k8s were not rendered"
                    + " nor checked (install kubectl, see docs/operations.md)";
            if (Boolean.getBoolean("k8s.required")) {
                throw new AssertionError(message + "; -Dk8s.required=true makes this a failure");
            }
            assumeTrue(false, message);
        }
        return found.get().toString();
    }
}
