package se.techtank.local;

import java.io.PrintStream;
import java.util.Locale;

/** The launcher's terminal output: one short line per step, with how long it took. */
final class Console {

    private static final PrintStream OUT = System.out;
    private static final long START = System.nanoTime();

    private Console() {}

    /** Starts timing a step; {@link Step#done(String)} prints its line. */
    static Step step() {
        return new Step(System.nanoTime());
    }

    static void line(String text) {
        OUT.println(text);
        OUT.flush();
    }

    static void warn(String text) {
        line("  ! " + text);
    }

    static void error(String text) {
        System.err.println("ERROR: " + text);
        System.err.flush();
    }

    /** Seconds since the launcher started. */
    static String sinceStart() {
        return seconds(System.nanoTime() - START);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    record Step(long startNanos) {
        void done(String text) {
            line(String.format(Locale.ROOT, "  %-60s %7s", text, seconds(System.nanoTime() - startNanos)));
        }

        long elapsedMillis() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }
    }
}
