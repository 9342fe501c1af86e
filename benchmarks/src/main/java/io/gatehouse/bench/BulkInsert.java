package io.gatehouse.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts many rows fast, for benchmark set-up only: PostgreSQL's {@code COPY ... FROM STDIN} (text format),
 * elsewhere JDBC batches of {@value #BATCH} rows in one transaction. Values are {@code String}, {@code Long},
 * {@code Integer}, {@code Boolean}, {@code byte[]} or {@code null}.
 *
 * <pre>{@code
 * try (BulkInsert users = BulkInsert.into(dataSource, BenchDatabase.H2, "users", "username", "enabled")) {
 *     users.row("alice", true);
 * }
 * }</pre>
 */
final class BulkInsert implements AutoCloseable {
    private static final int BATCH = 1_000;
    private static final int COPY_BUFFER = 1 << 20;

    private final Connection connection;
    private final int columns;
    private final @Nullable CopyIn copy;
    private final @Nullable PreparedStatement insert;
    private final StringBuilder buffer = new StringBuilder();
    private int pending;
    private long rows;

    private BulkInsert(Connection connection, BenchDatabase database, String table, String... columns)
            throws SQLException {
        this.connection = connection;
        this.columns = columns.length;
        String list = String.join(", ", columns);
        if (database == BenchDatabase.POSTGRESQL) {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + list + ") FROM STDIN");
            insert = null;
        } else {
            connection.setAutoCommit(false);
            copy = null;
            insert = connection.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.length, "?")) + ")");
        }
    }

    /**
     * Starts inserting into a table.
     *
     * @param dataSource where; one connection is held until {@link #close}
     * @param database which database it is
     * @param table the table
     * @param columns the columns each {@link #row} fills, in order
     * @return the insert
     */
    static BulkInsert into(DataSource dataSource, BenchDatabase database, String table, String... columns) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            return new BulkInsert(connection, database, table, columns);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not start the bulk insert into " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds one row.
     *
     * @param values one value per column
     */
    void row(@Nullable Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("values must have " + columns + " entries, had " + values.length + ".");
        }
        try {
            if (copy != null) {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        buffer.append('\t');
                    }
                    appendCopyText(buffer, values[i]);
                }
                buffer.append('\n');
                if (buffer.length() >= COPY_BUFFER) {
                    flushCopy();
                }
            } else {
                PreparedStatement statement = Objects.requireNonNull(insert);
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            rows++;
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk insert failed after " + rows + " rows: " + e.getMessage(), e);
        }
    }

    /** Sends the rest and commits. */
    @Override
    public void close() {
        try {
            if (copy != null) {
                flushCopy();
                copy.endCopy();
            } else {
                PreparedStatement statement = Objects.requireNonNull(insert);
                if (pending > 0) {
                    statement.executeBatch();
                }
                statement.close();
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk insert failed after " + rows + " rows: " + e.getMessage(), e);
        } finally {
            closeQuietly(connection);
        }
    }

    private void flushCopy() throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        Objects.requireNonNull(copy).writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** One value in COPY's text format: {@code \N} for null, {@code t}/{@code f}, backslash escapes. */
    static void appendCopyText(StringBuilder out, @Nullable Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof byte[] bytes) {
            out.append("\\\\x");
            for (byte b : bytes) {
                out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Set-up has already failed or finished; the pool discards a connection that cannot be closed.
        }
    }
}
