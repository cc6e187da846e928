package se.techtank.platform.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per JVM: the one named by {@code TEST_DB_URL} (with {@code TEST_DB_USER}
 * and {@code TEST_DB_PASSWORD}), or else an embedded PostgreSQL 17 started on first use and stopped
 * when the JVM exits. Each caller gets its own database on it.
 */
public final class TestPostgres {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String PREFIX = "jdbc:postgresql://";
    private static final String EMBEDDED_USER = "postgres";
    private static final String EMBEDDED_PASSWORD = "postgres";

    private static volatile TestPostgres instance;

    /** {@code jdbc:postgresql://host:port/}, ending with the slash before the database name. */
    private final String serverUrl;
    /** {@code ?a=b} or empty: the parameters of the configured URL, kept on every database's URL. */
    private final String parameters;
    /** The database that administrative statements (CREATE DATABASE) connect to. */
    private final String maintenanceDatabase;

    private final String username;
    private final String password;
    private final Set<String> knownDatabases = ConcurrentHashMap.newKeySet();

    private TestPostgres(String url, String username, String password) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a jdbc:postgresql:// URL: " + url);
        }
        int query = url.indexOf('?');
        String withoutQuery = query < 0 ? url : url.substring(0, query);
        int slash = withoutQuery.indexOf('/', PREFIX.length());
        String database = slash < 0 ? "" : withoutQuery.substring(slash + 1);
        this.serverUrl = (slash < 0 ? withoutQuery : withoutQuery.substring(0, slash)) + "/";
        this.parameters = query < 0 ? "" : url.substring(query);
        this.maintenanceDatabase = database.isEmpty() ? "postgres" : database;
        this.username = username;
        this.password = password == null ? "" : password;
    }

    /** The server of this JVM, started (or connected to) on the first call. Thread-safe. */
    public static TestPostgres get() {
        TestPostgres current = instance;
        if (current != null) {
            return current;
        }
        synchronized (SharedInJvm.lock("postgres")) {
            if (instance == null) {
                instance = connectOrStart();
            }
            return instance;
        }
    }

    private static TestPostgres connectOrStart() {
        String externalUrl = SharedInJvm.env("TEST_DB_URL");
        if (externalUrl != null) {
            return new TestPostgres(
                    externalUrl,
                    SharedInJvm.env("TEST_DB_USER"),
                    System.getenv().getOrDefault("TEST_DB_PASSWORD", ""));
        }
        String startedUrl = System.getProperty(SharedInJvm.POSTGRES_URL);
        if (startedUrl != null) {
            return new TestPostgres(
                    startedUrl,
                    System.getProperty(SharedInJvm.POSTGRES_USER),
                    System.getProperty(SharedInJvm.POSTGRES_PASSWORD));
        }
        EmbeddedPostgres embedded = startEmbedded();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(embedded), "techtank-test-postgres-stop"));
        String url = PREFIX + "localhost:" + embedded.getPort() + "/postgres";
        System.setProperty(SharedInJvm.POSTGRES_URL, url);
        System.setProperty(SharedInJvm.POSTGRES_USER, EMBEDDED_USER);
        System.setProperty(SharedInJvm.POSTGRES_PASSWORD, EMBEDDED_PASSWORD);
        return new TestPostgres(url, EMBEDDED_USER, EMBEDDED_PASSWORD);
    }

    private static EmbeddedPostgres startEmbedded() {
        // Zonky logs every line of the server's output at INFO.
        SharedInJvm.quietLogs("io.zonky.test.db.postgres");
        try {
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(new File(System.getProperty("java.io.tmpdir"), "embedded-pg"))
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Room for several services' pools (local stack) plus the tests' own connections.
                    .setServerConfig("max_connections", "300")
                    // A throw-away server: durability only costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static void stop(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the embedded PostgreSQL: " + e);
        }
    }

    /**
     * The JDBC URL of {@code database} on this server, creating the database first if it does not
     * exist. Safe to call repeatedly and from concurrent JVMs or threads.
     *
     * @param database a lower-case SQL identifier, e.g. {@code members}
     */
    public String jdbcUrl(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ": " + database);
        }
        if (!knownDatabases.contains(database)) {
            createIfMissing(database);
            knownDatabases.add(database);
        }
        return urlOf(database);
    }

    /** The URL of {@code database} on this server: the configured URL with its database name replaced. */
    String urlOf(String database) {
        return serverUrl + database + parameters;
    }

    /** For tests of the URL handling: a server that is not connected to until a database is asked for. */
    static TestPostgres forServer(String url, String username, String password) {
        return new TestPostgres(url, username, password);
    }

    /**
     * The JDBC URL of {@code database} reached through {@code proxy} (a {@link TcpProxy} to {@link
     * #address()}), so that a test can cut the service off its database.
     */
    public String jdbcUrlThrough(TcpProxy proxy, String database) {
        String direct = jdbcUrl(database);
        return direct.replaceFirst("//[^/]+/", "//" + proxy.address() + "/");
    }

    /** The server's {@code host:port}. */
    public String address() {
        java.util.regex.Matcher hostAndPort =
                java.util.regex.Pattern.compile("//([^/]+)/").matcher(serverUrl);
        if (!hostAndPort.find()) {
            throw new IllegalStateException("No host:port in " + serverUrl);
        }
        return hostAndPort.group(1);
    }

    /**
     * Ends every session of {@code database} but the caller's, as an operator's {@code pg_terminate_backend}
     * or a failover would; pooled connections to it are dead afterwards. Returns how many were ended.
     */
    public int terminateConnections(String database) {
        try (Connection connection =
                        simpleDataSource(urlOf(maintenanceDatabase)).getConnection();
                PreparedStatement terminate = connection.prepareStatement(
                        "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity"
                                + " where datname = ? and pid <> pg_backend_pid()")) {
            terminate.setString(1, database);
            try (ResultSet result = terminate.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the sessions of " + database, e);
        }
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** A plain (unpooled) data source for {@code database}, created if missing. */
    public DataSource dataSource(String database) {
        return simpleDataSource(jdbcUrl(database));
    }

    private PGSimpleDataSource simpleDataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    private void createIfMissing(String database) {
        String url = urlOf(maintenanceDatabase);
        // Not DriverManager: it refuses a driver registered from another class loader, and Quarkus
        // loads this jar (and the driver) once per test application.
        try (Connection connection = simpleDataSource(url).getConnection()) {
            for (int attempt = 1; ; attempt++) {
                if (exists(connection, database)) {
                    return;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + database + "\"");
                    return;
                } catch (SQLException e) {
                    // 42P04 duplicate_database, 23505 unique_violation: another creator was first.
                    // 55006 object_in_use: template1 busy with a concurrent CREATE DATABASE; try again.
                    String state = e.getSQLState();
                    boolean raced = "42P04".equals(state) || "23505".equals(state);
                    boolean busy = "55006".equals(state) && attempt < 20;
                    if (!raced && !busy) {
                        throw e;
                    }
                    if (busy) {
                        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " at " + url, e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    @Override
    public String toString() {
        return "TestPostgres[" + serverUrl + parameters + "]";
    }
}
