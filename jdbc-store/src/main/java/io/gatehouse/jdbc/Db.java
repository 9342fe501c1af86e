package io.gatehouse.jdbc;

import io.gatehouse.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;

/**
 * What every JDBC store shares: the {@link Jdbi}, the dialect and the table prefix, and the one way stores
 * reach the database. Each call borrows a connection for its statements and gives it back before returning,
 * unless a {@link JdbcUnitOfWork} is open on the calling thread: JDBI then hands every call the unit's
 * handle, so the call joins its transaction (see {@link JdbcUnitOfWork}).
 */
final class Db {
    private static final String SAVEPOINT = "gatehouse_statement";

    private final Jdbi jdbi;
    private final @Nullable DataSource dataSource;
    private final Dialect dialect;
    private final String prefix;

    /**
     * @param jdbi how the stores reach the database
     * @param dataSource the data source behind {@code jdbi} when Gatehouse made the Jdbi itself, so that
     *     {@link #callJdbc} may borrow a connection without a handle; {@code null} for an application's Jdbi
     * @param dialect the dialect
     * @param prefix the table prefix
     */
    Db(Jdbi jdbi, @Nullable DataSource dataSource, Dialect dialect, String prefix) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.dataSource = dataSource;
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.prefix = JdbcSettings.checkPrefix(prefix);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Dialect dialect() {
        return dialect;
    }

    String prefix() {
        return prefix;
    }

    /** A statement with every {@code {p}} replaced by the table prefix. */
    String sql(String template) {
        return template.replace("{p}", prefix);
    }

    /**
     * Runs statements on one connection; in autocommit mode unless a unit of work is open on this thread.
     *
     * @param what what the store is doing, for the error message
     * @param work the statements
     * @return what the work returned
     * @throws StoreException when the database fails
     */
    <T> T call(String what, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw StoreErrors.translate(e, what, prefix);
        }
    }

    /**
     * Runs plain JDBC reads: on the connection of the handle open on this thread (a unit of work's), or else on a
     * connection borrowed from the data source for the call, without a JDBI handle, when Gatehouse made the Jdbi
     * itself; through a handle of the application's Jdbi otherwise. For the request path only: there JDBI's handle
     * and statement set-up (configuration copies, argument and mapper lookup) cost more than H2 takes to answer.
     *
     * @param what what the store is doing, for the error message
     * @param work the statements; they must only read
     * @return what the work returned
     * @throws StoreException when the database fails
     */
    <T> T callJdbc(String what, JdbcWork<T> work) {
        if (dataSource != null && jdbi.getHandleScope().get() == null) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    return work.run(connection);
                } finally {
                    if (!connection.getAutoCommit()) {
                        // A pool that hands out connections outside autocommit: end the read's transaction.
                        connection.rollback();
                    }
                }
            } catch (SQLException e) {
                throw StoreErrors.translate(e, what, prefix);
            }
        }
        try {
            return jdbi.withHandle(handle -> {
                try {
                    return work.run(handle.getConnection());
                } catch (SQLException e) {
                    throw StoreErrors.translate(e, what, prefix);
                }
            });
        } catch (JdbiException e) {
            throw StoreErrors.translate(e, what, prefix);
        }
    }

    /** Statements on a JDBC connection. */
    @FunctionalInterface
    interface JdbcWork<T> {
        /**
         * Runs the statements; closes what it opens, and leaves the connection open.
         *
         * @param connection the connection
         * @return the result
         * @throws SQLException when the database fails
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs statements in one transaction, or as part of the unit of work open on this thread.
     *
     * @param what what the store is doing, for the error message
     * @param work the statements
     * @return what the work returned
     * @throws StoreException when the database fails
     */
    <T> T inTransaction(String what, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw StoreErrors.translate(e, what, prefix);
        }
    }

    /**
     * Runs a write that a unique or foreign key may refuse, turning the violation into the domain's exception.
     *
     * <p>Inside a unit of work on PostgreSQL, a failed statement aborts the whole transaction; a savepoint
     * around the write keeps the unit usable when the caller handles the domain exception and goes on, as it
     * can on the other databases.
     *
     * @param what what the store is doing, for the error message
     * @param onViolation given the violated constraint's name (lower-case), the exception to throw, or
     *     {@code null} to report a store failure
     * @param work the statements
     * @return what the work returned
     */
    <T> T write(String what, Function<String, @Nullable RuntimeException> onViolation,
            HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(handle -> guarded(handle, work));
        } catch (JdbiException e) {
            if (StoreErrors.isConstraintViolation(e)) {
                RuntimeException domain = onViolation.apply(StoreErrors.violatedConstraint(e, dialect));
                if (domain != null) {
                    throw domain;
                }
            }
            throw StoreErrors.translate(e, what, prefix);
        }
    }

    /**
     * Like {@link #write}, but the statements of {@code work} commit together: in a transaction of their own, or
     * in the unit of work open on this thread.
     *
     * @param what what the store is doing, for the error message
     * @param onViolation as for {@link #write}
     * @param work the statements
     * @return what the work returned
     */
    <T> T writeAtomically(String what, Function<String, @Nullable RuntimeException> onViolation,
            HandleCallback<T, RuntimeException> work) {
        // Handle.inTransaction joins a transaction already open on the handle (a unit of work).
        return write(what, onViolation, handle -> handle.inTransaction(work));
    }

    private <T> T guarded(Handle handle, HandleCallback<T, RuntimeException> work) {
        if (dialect != Dialect.POSTGRESQL || !handle.isInTransaction()) {
            return work.withHandle(handle);
        }
        handle.savepoint(SAVEPOINT);
        T result;
        try {
            result = work.withHandle(handle);
        } catch (RuntimeException e) {
            try {
                handle.rollbackToSavepoint(SAVEPOINT);
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        handle.releaseSavepoint(SAVEPOINT);
        return result;
    }

    /**
     * An insert of one row, positional parameters in column order, that does nothing when a row with the same
     * key exists (and still fails on a foreign key).
     */
    String insertIfAbsent(String table, String columns, String keyColumns) {
        String values = placeholders(columns);
        return switch (dialect) {
            case POSTGRESQL -> sql("INSERT INTO {p}" + table + " (" + columns + ") VALUES (" + values
                    + ") ON CONFLICT DO NOTHING");
            // Not INSERT IGNORE: that would also turn a missing parent row into a warning.
            case MARIADB -> sql("INSERT INTO {p}" + table + " (" + columns + ") VALUES (" + values
                    + ") ON DUPLICATE KEY UPDATE " + first(keyColumns) + " = " + first(keyColumns));
            case H2 -> sql("MERGE INTO {p}" + table + " (" + columns + ") KEY (" + keyColumns + ") VALUES ("
                    + values + ")");
        };
    }

    /** An insert-or-replace of one row, positional parameters in column order. */
    String upsert(String table, String columns, String keyColumns) {
        String values = placeholders(columns);
        List<String> keys = Arrays.stream(keyColumns.split(",")).map(String::strip).toList();
        List<String> others = Arrays.stream(columns.split(",")).map(String::strip)
                .filter(c -> !keys.contains(c)).toList();
        return switch (dialect) {
            case POSTGRESQL -> sql("INSERT INTO {p}" + table + " (" + columns + ") VALUES (" + values
                    + ") ON CONFLICT (" + keyColumns + ") DO UPDATE SET "
                    + String.join(", ", others.stream().map(c -> c + " = EXCLUDED." + c).toList()));
            case MARIADB -> sql("INSERT INTO {p}" + table + " (" + columns + ") VALUES (" + values
                    + ") ON DUPLICATE KEY UPDATE "
                    + String.join(", ", others.stream().map(c -> c + " = VALUES(" + c + ")").toList()));
            case H2 -> sql("MERGE INTO {p}" + table + " (" + columns + ") KEY (" + keyColumns + ") VALUES ("
                    + values + ")");
        };
    }

    /**
     * A delete of at most {@code ?} rows (the last parameter) matching {@code where}, in {@code orderBy} order.
     * MariaDB takes the limit on the delete itself; the others select the keys first, in the same statement.
     */
    String deleteBatch(String table, String keyColumn, String where, String orderBy) {
        return switch (dialect) {
            case POSTGRESQL -> sql("DELETE FROM {p}" + table + " WHERE " + keyColumn + " IN (SELECT " + keyColumn
                    + " FROM {p}" + table + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT ?)");
            case MARIADB -> sql("DELETE FROM {p}" + table + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT ?");
            case H2 -> sql("DELETE FROM {p}" + table + " WHERE " + keyColumn + " IN (SELECT " + keyColumn
                    + " FROM {p}" + table + " WHERE " + where + " ORDER BY " + orderBy + " FETCH FIRST ? ROWS ONLY)");
        };
    }

    private static String placeholders(String columns) {
        return String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
    }

    private static String first(String columns) {
        return columns.split(",")[0].strip();
    }

    /** Whether the named constraint (as {@link StoreErrors#violatedConstraint} reports it) is ours. */
    boolean isConstraint(String reported, String name) {
        // H2 reports the index behind the constraint: "<constraint>_index_<n>".
        String expected = prefix + name;
        return reported.equals(expected) || reported.startsWith(expected + "_index");
    }
}
