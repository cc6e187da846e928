package se.techtank.local;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher started (Kafka broker, a service): output to its log file, its pid in
 * {@code .local/pids/<name>.pid}, and its own session ({@code setsid}), so that a Ctrl-C in the terminal
 * reaches only the launcher, which then stops the processes in order.
 */
final class ChildProcess {

    private static final String SETSID = findSetsid();

    final String name;
    final Process process;
    final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    static ChildProcess start(
            String name, List<String> command, Map<String, String> env, Path workDir, Path logFile, Path pidDir)
            throws IOException {
        List<String> full = new ArrayList<>();
        if (SETSID != null) {
            full.add(SETSID);
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        Files.createDirectories(pidDir);
        Path pidFile = pidDir.resolve(name + ".pid");
        Files.writeString(pidFile, process.pid() + "\n");
        return new ChildProcess(name, process, logFile, pidFile);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL when it has not exited within {@code grace}. Returns true if it exited in time. */
    boolean stop(Duration grace) {
        boolean graceful = true;
        if (process.isAlive()) {
            process.destroy();
            graceful = waitFor(process, grace);
            if (!graceful) {
                process.destroyForcibly();
                waitFor(process, Duration.ofSeconds(5));
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // only a hint for the next run
        }
        return graceful;
    }

    List<String> tail(int lines) {
        return tail(logFile, lines);
    }

    static List<String> tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return List.of("(no log file " + file + ")");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            raf.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            raf.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Stops processes left behind by an earlier launcher that was killed without cleaning up (pid files
     * in {@code pidDir}), but only those whose command line mentions {@code marker} (the repository path),
     * so that a recycled pid is never hit. Returns the names of the processes stopped.
     */
    static List<String> stopLeftovers(Path pidDir, String marker) throws IOException {
        List<String> stopped = new ArrayList<>();
        if (!Files.isDirectory(pidDir)) {
            return stopped;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pidDir, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                Optional<ProcessHandle> handle = readPid(file).flatMap(ProcessHandle::of);
                if (handle.isPresent() && handle.get().isAlive() && commandLineMentions(handle.get(), marker)) {
                    stopHandle(handle.get(), Duration.ofSeconds(15));
                    stopped.add(name);
                }
                Files.deleteIfExists(file);
            }
        }
        return stopped;
    }

    static boolean commandLineMentions(ProcessHandle handle, String marker) {
        return handle.info().commandLine().map(c -> c.contains(marker)).orElse(false);
    }

    static void stopHandle(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gone or unkillable; nothing more to do
            }
        }
    }

    static Optional<Long> readPid(Path file) {
        try {
            String first =
                    Files.readAllLines(file).stream().findFirst().orElse("").trim();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static String findSetsid() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
