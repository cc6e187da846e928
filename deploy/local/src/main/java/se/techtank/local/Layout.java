package se.techtank.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the local stack keeps its state: everything under {@code <repo>/.local/} (git-ignored). */
record Layout(Path repo, Path launcherTarget) {

    Layout {
        repo = repo.toAbsolutePath().normalize();
        launcherTarget = launcherTarget.toAbsolutePath().normalize();
    }

    Path local() {
        return repo.resolve(".local");
    }

    Path postgresData() {
        return local().resolve("postgres");
    }

    Path kafkaDir() {
        return local().resolve("kafka");
    }

    Path logs() {
        return local().resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    Path tokens() {
        return local().resolve("tokens");
    }

    Path mail() {
        return local().resolve("mail");
    }

    Path pids() {
        return local().resolve("pids");
    }

    Path lockFile() {
        return local().resolve("launcher.lock");
    }

    Path demoData() {
        return local().resolve("demo-data.json");
    }

    /** Jars of the Kafka broker (copied at build time, see the module's pom). */
    Path kafkaLib() {
        return launcherTarget.resolve("kafka-lib");
    }

    /** The launcher's own dependencies (copied at build time). */
    Path launcherLib() {
        return launcherTarget.resolve("lib");
    }

    Path serviceJar(String module) {
        return repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** A path as the user should type it: relative when under the current directory. */
    String show(Path path) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd)
                ? cwd.relativize(absolute).toString()
                : absolute.toString();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
