package se.techtank.local;

import java.nio.file.Path;
import java.util.List;

/** The launcher's command line. */
record Options(boolean fresh, List<Services.Spec> services, boolean help, Path repo) {

    static Options parse(String[] args) {
        boolean fresh = false;
        List<Services.Spec> services = Services.ALL;
        boolean help = false;
        Path repo = null;
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
        return new Options(fresh, services, help, repo);
    }
}
