package io.gatehouse.jdbc;

import io.gatehouse.throttle.ThrottleState;
import io.gatehouse.throttle.ThrottleStore;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link ThrottleStore} on a SQL table shared by every application node. A failure is counted by one atomic
 * statement that increments in the database ({@code failures = failures + 1}), never read-modify-write in
 * Java: PostgreSQL upserts with {@code ON CONFLICT ... RETURNING}, MariaDB with {@code ON DUPLICATE KEY
 * UPDATE} and reads its own row in the same transaction, H2 updates and inserts when the key is new.
 */
final class JdbcThrottleStore implements ThrottleStore {
    private final Db db;
    private final String recordFailure;
    private final String updateFailure;
    private final String insertFailure;
    private final String find;
    private final String reset;
    private final String deleteOlderThan;

    JdbcThrottleStore(Db db) {
        this.db = Objects.requireNonNull(db, "db");
        String restartOrCount = "CASE WHEN {p}throttle.last_failure >= ? THEN {p}throttle.failures + 1 ELSE 1 END";
        recordFailure = switch (db.dialect()) {
            case POSTGRESQL -> db.sql("INSERT INTO {p}throttle (throttle_key, failures, last_failure) VALUES (?, 1, ?) "
                    + "ON CONFLICT (throttle_key) DO UPDATE SET failures = " + restartOrCount
                    + ", last_failure = EXCLUDED.last_failure RETURNING failures, last_failure");
            // MariaDB assigns left to right: failures must be computed from the old last_failure first.
            case MARIADB -> db.sql("INSERT INTO {p}throttle (throttle_key, failures, last_failure) VALUES (?, 1, ?) "
                    + "ON DUPLICATE KEY UPDATE failures = " + restartOrCount
                    + ", last_failure = VALUES(last_failure)");
            case H2 -> "";
        };
        updateFailure = db.sql("UPDATE {p}throttle SET failures = " + restartOrCount + ", last_failure = ? "
                + "WHERE throttle_key = ?");
        insertFailure = db.sql("INSERT INTO {p}throttle (throttle_key, failures, last_failure) VALUES (?, 1, ?)");
        find = db.sql("SELECT failures, last_failure FROM {p}throttle WHERE throttle_key = ?");
        reset = db.sql("DELETE FROM {p}throttle WHERE throttle_key = ?");
        deleteOlderThan = db.sql("DELETE FROM {p}throttle WHERE last_failure < ?");
    }

    @Override
    public ThrottleState recordFailure(String key, Instant now, Duration forgetAfter) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        long at = now.toEpochMilli();
        long keepFrom = keepFrom(now, forgetAfter);
        return switch (db.dialect()) {
            case POSTGRESQL -> db.call("counting a failed login", handle -> handle.createQuery(recordFailure)
                    .bind(0, key).bind(1, at).bind(2, keepFrom)
                    .map((rs, ctx) -> new ThrottleState(key, rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2))))
                    .one());
            case MARIADB -> db.inTransaction("counting a failed login", handle -> {
                handle.createUpdate(recordFailure).bind(0, key).bind(1, at).bind(2, keepFrom).execute();
                return read(handle, key).orElseThrow();
            });
            case H2 -> db.inTransaction("counting a failed login", handle -> recordOnH2(handle, key, at, keepFrom));
        };
    }

    @Override
    public Optional<ThrottleState> find(String key) {
        Objects.requireNonNull(key, "key");
        return db.call("reading a login throttle", handle -> read(handle, key));
    }

    @Override
    public void reset(String key) {
        Objects.requireNonNull(key, "key");
        db.call("resetting a login throttle", handle -> handle.createUpdate(reset).bind(0, key).execute());
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return db.call("deleting old login throttles", handle -> handle.createUpdate(deleteOlderThan)
                .bind(0, cutoff.toEpochMilli()).execute());
    }

    @Override
    public String toString() {
        return "JdbcThrottleStore[" + db.dialect() + ", " + db.prefix() + "throttle]";
    }

    private ThrottleState recordOnH2(Handle handle, String key, long at, long keepFrom) {
        // The row lock of the UPDATE serialises concurrent failures; a key seen for the first time by two
        // callers at once makes one INSERT fail on the primary key, and that caller counts on the row instead.
        for (int attempt = 0; ; attempt++) {
            if (handle.createUpdate(updateFailure).bind(0, keepFrom).bind(1, at).bind(2, key).execute() == 1) {
                return read(handle, key).orElseThrow();
            }
            try {
                handle.createUpdate(insertFailure).bind(0, key).bind(1, at).execute();
                return new ThrottleState(key, 1, Instant.ofEpochMilli(at));
            } catch (RuntimeException e) {
                if (attempt > 0 || !StoreErrors.isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private Optional<ThrottleState> read(Handle handle, String key) {
        return handle.createQuery(find).bind(0, key)
                .map((rs, ctx) -> new ThrottleState(key, rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2))))
                .findOne();
    }

    /** The earliest previous failure that still counts on: {@code now - forgetAfter}, clamped. */
    private static long keepFrom(Instant now, Duration forgetAfter) {
        try {
            return now.minus(forgetAfter).toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return forgetAfter.isNegative() ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }
}
