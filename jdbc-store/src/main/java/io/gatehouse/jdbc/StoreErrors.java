package io.gatehouse.jdbc;

import io.gatehouse.StoreException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns database failures into {@link StoreException}s that say whether a retry may help, and recognises the
 * unique-key violations the stores turn into domain errors.
 */
final class StoreErrors {
    /** SQLState classes of failures a retry may get past: connection, rollback, operator intervention, driver. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "57", "HY");
    /** H2's own codes for a broken server connection and a database closed under the caller. */
    private static final Set<String> H2_TRANSIENT_STATES = Set.of("90067", "90098", "90121", "90028");

    private StoreErrors() {
    }

    /**
     * The store failure for a database error.
     *
     * @param failure the error, usually a JDBI exception wrapping an {@link SQLException}
     * @param what what the store was doing, e.g. {@code "finding a user"}
     * @param prefix the table prefix, for the hint about a missing schema
     * @return the exception to throw
     */
    static StoreException translate(Throwable failure, String what, String prefix) {
        SQLException sql = sqlCause(failure);
        String state = sql == null ? null : sql.getSQLState();
        if (sql != null && isTransient(sql)) {
            return new StoreException("The database did not complete " + what + " (SQLState " + state
                    + "): the connection failed or timed out, or the transaction was rolled back; retry once the "
                    + "database is reachable.", true, state, sql);
        }
        return new StoreException("The database refused " + what + " (SQLState " + state + "). Check that the "
                + "Gatehouse tables exist with the prefix " + prefix + " (SchemaInstaller.install) and that the "
                + "database user may use them.", false, state, sql != null ? sql : failure);
    }

    /**
     * The failure for a stored row that does not make a valid value, as when something other than Gatehouse
     * wrote it. Permanent; the cause says which rule the row breaks, and no value of the row is quoted.
     */
    static StoreException invalidRow(String which, RuntimeException cause) {
        return new StoreException("The stored " + which + " is not valid; was it written by something other than "
                + "Gatehouse? Fix or delete the row.", false, null, cause);
    }

    /**
     * Whether an error is worth retrying: a transient or recoverable exception, or a SQLState of class 08
     * (connection), 40 (transaction rollback, deadlock), 57 (operator intervention, such as a terminated
     * backend) or HY (driver-level timeouts), or H2's codes for a lost connection.
     */
    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))
                        || H2_TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether the failure is a violated unique, primary or foreign key: PostgreSQL's and H2's 23505 (unique),
     * 23503 and 23506 (foreign key), MariaDB's 23000 with error 1062 (duplicate entry), 1451 or 1452 (foreign key).
     */
    static boolean isConstraintViolation(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState();
        if ("23000".equals(state)) {
            int code = sql.getErrorCode();
            return code == 1062 || code == 1451 || code == 1452;
        }
        return "23505".equals(state) || "23503".equals(state) || "23506".equals(state);
    }

    /**
     * The name of the violated constraint or unique index, lower-case, as the database reports it. H2 names the
     * index behind the constraint, which starts with the constraint's name.
     *
     * @return the name, or the empty string when the message has an unexpected form (a localised server)
     */
    static String violatedConstraint(Throwable failure, Dialect dialect) {
        SQLException sql = sqlCause(failure);
        String message = sql == null || sql.getMessage() == null ? "" : sql.getMessage();
        String name = switch (dialect) {
            case POSTGRESQL -> between(message, "constraint \"", "\"");
            case MARIADB -> {
                if (sql == null || sql.getErrorCode() != 1062) {
                    yield between(message, "CONSTRAINT `", "`");
                }
                // "Duplicate entry '<value>' for key '<name>'": the value may itself hold quotes, so look from the end.
                int start = message.lastIndexOf("for key '");
                int end = message.lastIndexOf('\'');
                yield start < 0 || end <= start + 9 ? "" : message.substring(start + 9, end);
            }
            case H2 -> {
                // "...violation: \"<NAME>_INDEX_n ON ..." or "...violation: \"<NAME>: PUBLIC..."
                String found = between(message, "violation: \"", " ");
                yield found.endsWith(":") ? found.substring(0, found.length() - 1) : found;
            }
        };
        int dot = name.lastIndexOf('.');
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static @Nullable SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        if (start < 0) {
            return "";
        }
        start += open.length();
        int end = text.indexOf(close, start);
        return end < 0 ? "" : text.substring(start, end);
    }
}
