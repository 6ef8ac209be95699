package org.bridgeway.screening;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bridgeway.devstack.PostgresServer;
import org.bridgeway.testing.TestInfra;

/** Plain JDBC against the service's own database, to check what the API cannot show. */
public final class Db {

    private Db() {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                TestInfra.postgres().jdbcUrl("screening"), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** A text[] parameter, e.g. for {@code subject = ANY (?)}. */
    public record TextArray(List<String> values) {}

    public static TextArray array(Collection<String> values) {
        return new TextArray(List.copyOf(values));
    }

    /** The single number a query answers (e.g. a count). */
    public static long number(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement statement = prepare(c, sql, params);
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, as strings. */
    public static List<String> strings(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement statement = prepare(c, sql, params);
                ResultSet rs = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an update; lets the SQLException through for tests that expect the database to refuse. */
    public static int update(String sql, Object... params) throws SQLException {
        try (Connection c = connect();
                PreparedStatement statement = prepare(c, sql, params)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof TextArray array) {
                statement.setArray(i + 1, c.createArrayOf("text", array.values().toArray()));
            } else {
                statement.setObject(i + 1, params[i]);
            }
        }
        return statement;
    }
}
