package io.mops.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC reads of a service's test database, for asserting what was (or was not) stored; and an outage of this
 * one database ({@link #takeAway()}) while the shared server keeps running for everyone else.
 */
public final class TestDatabase {

    private final String database;

    private TestDatabase(String database) {
        this.database = database;
    }

    public static TestDatabase named(String database) {
        return new TestDatabase(database);
    }

    public long count(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes this database away from its service without stopping the server: new connections are refused
     * ({@code ALTER DATABASE ... ALLOW_CONNECTIONS false}: SQLSTATE 55000, severity FATAL) and the open ones are cut
     * ({@code pg_terminate_backend}: 57P01 to a statement under way). Use it in a try-with-resources, so that
     * {@link Outage#close()} allows connections again whatever the test does.
     */
    public Outage takeAway() {
        String name = quotedName();
        admin("alter database " + name + " allow_connections false");
        try {
            admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database.replace("'", "''")
                    + "' and pid <> pg_backend_pid()");
        } catch (RuntimeException e) {
            admin("alter database " + name + " allow_connections true");
            throw e;
        }
        return () -> admin("alter database " + name + " allow_connections true");
    }

    /** An outage of one database; {@link #close()} ends it. */
    @FunctionalInterface
    public interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    private String quotedName() {
        return '"' + database.replace("\"", "\"\"") + '"';
    }

    /** As the platform's role, a superuser (./mops creates it so), on the server's maintenance database. */
    private void admin(String sql) {
        LocalStack stack = LocalStack.ensureRunning();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("postgres"), stack.postgresUser(),
                stack.postgresPassword()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection connect() throws SQLException {
        LocalStack stack = LocalStack.ensureRunning();
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.postgresUser(), stack.postgresPassword());
    }
}
