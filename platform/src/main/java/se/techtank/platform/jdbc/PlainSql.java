package se.techtank.platform.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Plain SQL on the connection of the current Hibernate session, so inside its transaction: for statements on
 * hot paths (each registration, each recorded event), where a Hibernate native query costs more CPU than the
 * statement itself (it parses the SQL for parameters, flushes the whole session first and maps the result).
 * The driver still prepares each SQL text once per connection. Unlike a native query this does <b>not</b>
 * flush: call {@code flush()} first when the statement must see entities persisted or changed earlier in the
 * transaction. Parameters are bound with {@link PreparedStatement#setObject(int, Object)}.
 */
public final class PlainSql {

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private PlainSql() {}

    /** Runs an {@code insert}, {@code update} or {@code delete}; how many rows it changed. */
    public static int update(EntityManager entityManager, String sql, Object... parameters) {
        return session(entityManager).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * The first row a query (or an {@code update … returning}) gives, read by {@code row}; empty when it gives
     * none (or {@code row} reads {@code null}).
     */
    public static <T> Optional<T> first(EntityManager entityManager, String sql, Row<T> row, Object... parameters) {
        return session(entityManager).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(row.read(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Every row a query gives, each read by {@code row}, in the query's order. */
    public static <T> List<T> list(EntityManager entityManager, String sql, Row<T> row, Object... parameters) {
        return session(entityManager).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                List<T> values = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(row.read(rows));
                    }
                }
                return values;
            }
        });
    }

    private static Session session(EntityManager entityManager) {
        return entityManager.unwrap(Session.class);
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
