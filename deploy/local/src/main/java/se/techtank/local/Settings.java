package se.techtank.local;

import java.util.Optional;

/** Existing servers to use instead of the embedded ones, and other overrides (environment variables). */
record Settings(
        Optional<String> postgresHost,
        int postgresPort,
        String postgresUser,
        String postgresPassword,
        Optional<String> kafkaBootstrap,
        Optional<String> smtpHost,
        Optional<String> smtpPort,
        Optional<String> corsOrigins) {

    static Settings fromEnvironment() {
        return new Settings(
                env("POSTGRES_HOST"),
                Integer.parseInt(env("POSTGRES_PORT").orElse("5432")),
                env("POSTGRES_USER").orElse("postgres"),
                env("POSTGRES_PASSWORD").orElse(""),
                env("KAFKA_BOOTSTRAP_SERVERS"),
                env("SMTP_HOST"),
                env("SMTP_PORT"),
                env("CORS_ORIGINS"));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
