package se.techtank.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL for the services: embedded (zonky, PostgreSQL 17 binaries from Maven Central, data kept in
 * {@code .local/postgres}) or, when {@code POSTGRES_HOST} is set, an existing server. Either way the
 * four databases are created if missing.
 */
final class Database implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int PORT = 55432;
    static final String USER = "techtank";
    static final String PASSWORD = "techtank";

    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final String serviceUser;
    private final String servicePassword;
    private final EmbeddedPostgres embedded;

    private Database(
            String host,
            int port,
            String adminUser,
            String adminPassword,
            String serviceUser,
            String servicePassword,
            EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.serviceUser = serviceUser;
        this.servicePassword = servicePassword;
        this.embedded = embedded;
    }

    /** Starts PostgreSQL 17 on 127.0.0.1:55432 with its data in {@code dataDir} (initdb only the first time). */
    static Database startEmbedded(Path dataDir, Path logFile) throws IOException {
        if (Files.isDirectory(dataDir) && !Files.exists(dataDir.resolve("PG_VERSION"))) {
            // Left over from an initdb that did not finish: initdb needs an empty directory.
            Layout.deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir.getParent());
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(PORT)
                    .setDataDirectory(dataDir)
                    // Keep the data between runs: no initdb when postgresql.conf exists, no delete on close.
                    .setCleanDataDirectory(false)
                    // The launcher stops PostgreSQL itself, after the services and the broker.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", HOST)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
        } catch (IOException | RuntimeException e) {
            stopServer(dataDir); // it may have started before the wait for it gave up
            throw e;
        }
        return new Database(HOST, PORT, "postgres", "", USER, PASSWORD, postgres);
    }

    /** An existing server; the services use the same (admin) user that creates the databases. */
    static Database external(String host, int port, String user, String password) {
        return new Database(host, port, user, password, user, password, null);
    }

    /**
     * Stops a PostgreSQL server running on {@code dataDir} that nobody holds a handle to (left by a
     * killed launcher, or by a start that failed half-way). Returns true if there was one.
     */
    static boolean stopServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster =
                ChildProcess.readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (postmaster.isPresent() && ChildProcess.commandLineMentions(postmaster.get(), dataDir.toString())) {
            ChildProcess.stopHandle(postmaster.get(), Duration.ofSeconds(15));
            return true;
        }
        return false;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String serviceUser() {
        return serviceUser;
    }

    String servicePassword() {
        return servicePassword;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** How many of {@code ids} are rows of {@code table} in {@code database}, read as the services' user. */
    long countIds(String database, String table, java.util.Collection<String> ids) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", serviceUser);
        props.setProperty("password", servicePassword);
        props.setProperty("connectTimeout", "10");
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), props);
                java.sql.PreparedStatement statement =
                        c.prepareStatement("SELECT count(*) FROM " + quote(table) + " WHERE id::text = ANY (?)")) {
            statement.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // the service has not migrated its schema yet
            }
            throw e;
        }
    }

    /** Creates the services' role (embedded only) and every database that does not exist yet. */
    List<String> createDatabases(List<String> databases) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", adminUser);
        props.setProperty("password", adminPassword);
        props.setProperty("connectTimeout", "10");
        List<String> created = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), props);
                Statement s = c.createStatement()) {
            if (isEmbedded() && !exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", serviceUser)) {
                s.execute("CREATE ROLE " + quote(serviceUser) + " LOGIN PASSWORD '" + servicePassword + "'");
            }
            for (String database : databases) {
                if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    s.execute("CREATE DATABASE " + quote(database) + " OWNER " + quote(serviceUser));
                    created.add(database);
                }
            }
        }
        return created;
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
