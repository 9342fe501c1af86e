package io.gatehouse.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A benchmark's own database (see {@link BenchDatabase#open}): its pool, and how to drop it. Closing closes the
 * pool and drops the database with everything in it.
 */
final class IsolatedDatabase implements AutoCloseable {
    private final BenchDatabase database;
    private final HikariDataSource dataSource;
    private final Runnable drop;
    private boolean closed;

    IsolatedDatabase(BenchDatabase database, HikariDataSource dataSource, Runnable drop) {
        this.database = Objects.requireNonNull(database, "database");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.drop = Objects.requireNonNull(drop, "drop");
    }

    BenchDatabase database() {
        return database;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs SQL statements, each in its own auto-committed statement.
     *
     * @param statements the statements
     */
    void execute(String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Setting up the benchmark's " + database.id() + " database failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Counts the rows of a table, optionally filtered.
     *
     * @param table the table
     * @param where a condition, or empty for every row
     * @return the count
     */
    long count(String table, String where) {
        String sql = "SELECT COUNT(*) FROM " + table + (where.isEmpty() ? "" : " WHERE " + where);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting rows failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            dataSource.close();
        } finally {
            drop.run();
        }
    }
}
