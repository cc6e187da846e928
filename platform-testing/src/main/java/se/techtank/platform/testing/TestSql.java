package se.techtank.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads and writes rows directly, so that a test can assert the effect in the database itself. */
public final class TestSql {

    private TestSql() {}

    /** The first column of the first row as text, or null when there is no row. */
    public static String queryForString(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** The first column of every row as text, in the order the query gives. */
    public static List<String> queryForStrings(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** The first column of the first row as a number (e.g. a {@code count(*)}). */
    public static long queryForLong(DataSource dataSource, String sql, Object... parameters) {
        String value = queryForString(dataSource, sql, parameters);
        if (value == null) {
            throw new IllegalStateException("No row from: " + sql);
        }
        return Long.parseLong(value);
    }

    /** Runs an insert, update or delete; returns the number of rows changed. */
    public static int execute(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            // UUIDs and other values go as text; the SQL casts where the column type needs it (?::uuid).
            statement.setObject(i + 1, parameter == null ? null : parameter.toString());
        }
        return statement;
    }
}
