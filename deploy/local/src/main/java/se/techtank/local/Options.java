package se.techtank.local;

import java.nio.file.Path;
import java.util.List;

/** The launcher's command line. */
record Options(boolean fresh, List<Services.Spec> services, boolean help, Path repo, int replicas, int jobsEvery) {

    /** At most this many replicas of each service: replica n listens on the ports + 10 × (n - 1). */
    static final int MAX_REPLICAS = 2;

    static Options parse(String[] args) {
        boolean fresh = false;
        List<Services.Spec> services = Services.ALL;
        boolean help = false;
        Path repo = null;
        int replicas = 1;
        int jobsEvery = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--infra-only" -> services = List.of();
                case "--only" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--only needs service names, e.g. --only members-service");
                    }
                    services = Services.named(args[++i]);
                }
                case "--replicas" -> replicas = number(args, ++i, "--replicas", 1, MAX_REPLICAS);
                case "--jobs-every" -> jobsEvery = number(args, ++i, "--jobs-every", 1, 59);
                case "--help", "-h" -> help = true;
                case "--repo" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--repo needs a directory");
                    }
                    repo = Path.of(args[++i]);
                }
                default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
            }
        }
        return new Options(fresh, services, help, repo, replicas, jobsEvery);
    }

    private static int number(String[] args, int i, String option, int min, int max) {
        String value = i < args.length ? args[i] : "";
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                option + " needs a number from " + min + " to " + max + ", got '" + value + "'");
    }

    /**
     * The services' job schedules for {@code --jobs-every n}: every n seconds instead of nightly or every minute,
     * so that a check sees the jobs run often (empty without the option; the launcher's own environment
     * reaches the services as well).
     */
    java.util.Map<String, String> jobEnvironment() {
        if (jobsEvery == 0) {
            return java.util.Map.of();
        }
        return java.util.Map.of(
                "TECHTANK_MEMBERSHIP_RENEWAL_CHECK_CRON", "*/" + jobsEvery + " * * * * ?",
                "INTAKE_WINDOW_CHECK", jobsEvery + "s",
                "TECHTANK_PROGRAMMES_INTAKE_WINDOW_DELAY", jobsEvery + "s");
    }
}
