package se.techtank.platform.testing;

/**
 * Coordinates the infrastructure singletons across class loaders.
 *
 * <p>Quarkus may load this jar more than once in one JVM (one class loader per test application), and
 * each copy has its own static fields. The first copy that starts a server publishes its address in a
 * system property; later copies find it there and use the same server instead of starting another.
 */
final class SharedInJvm {

    static final String POSTGRES_URL = "techtank.testing.postgres.url";
    static final String POSTGRES_USER = "techtank.testing.postgres.user";
    static final String POSTGRES_PASSWORD = "techtank.testing.postgres.password";
    static final String KAFKA_BOOTSTRAP = "techtank.testing.kafka.bootstrap";

    private SharedInJvm() {}

    /** A monitor that is the same object in every class loader: interned strings are JVM-wide. */
    static Object lock(String name) {
        return ("se.techtank.platform.testing.lock." + name).intern();
    }

    /**
     * Lowers the given log categories to WARN. The embedded servers log hundreds of INFO lines while
     * starting; they would bury the test output. Logging goes to JBoss LogManager (slf4j and log4j-api
     * are bridged to it, as in Quarkus), so its loggers are set directly.
     */
    static void quietLogs(String... categories) {
        for (String category : categories) {
            org.jboss.logmanager.Logger logger = org.jboss.logmanager.Logger.getLogger(category);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIETED.add(logger);
        }
    }

    /** Strong references, so the levels are not lost if a logger would otherwise be collected. */
    private static final java.util.List<Object> QUIETED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
