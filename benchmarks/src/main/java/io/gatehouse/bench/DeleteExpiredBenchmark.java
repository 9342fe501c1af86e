package io.gatehouse.bench;

import io.gatehouse.jdbc.JdbcSettings;
import io.gatehouse.jdbc.JdbcStores;
import io.gatehouse.session.SessionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Deleting {@value #EXPIRED} expired sessions with {@link SessionStore#deleteExpired} in a loop of batches (as
 * {@code SessionManager.clearExpired} does), on H2 in memory and on PostgreSQL, while {@value #LIVE} live sessions
 * stay. JMH's single-shot mode: one operation is the whole cleanup, timed in seconds.
 *
 * <p>Before each iteration, outside the measured time, the sessions are written in bulk ({@link BulkInsert}:
 * {@code COPY} on PostgreSQL, followed by {@code VACUUM ANALYZE} as autovacuum would do), spread over
 * {@value #USERS} users, expired at times spread over the two weeks before now, each keyed by the SHA-256 of a
 * distinct id as real sessions are. After each iteration a check fails the run unless exactly the live sessions
 * remain. The batch size is a parameter: {@code 1000}, {@code SessionSettings}' default cleanup batch.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class DeleteExpiredBenchmark {
    /** Expired sessions written before each iteration. */
    static final int EXPIRED = 1_000_000;
    /** Live sessions, which must survive. */
    static final int LIVE = 1_000;
    /** Users the sessions belong to. */
    static final int USERS = 1_000;

    private static final String[] SESSION_COLUMNS = {"id_hash", "user_id", "auth_hash", "created_at",
        "last_seen_at", "expires_at", "persistent", "attributes"};

    /** Which database: {@code h2} or {@code postgresql}. */
    @Param({"h2", "postgresql"})
    public String database = "h2";

    /** Sessions deleted per statement. */
    @Param({"1000"})
    public int batch = 1_000;

    // Set by the set-up methods before the benchmark method runs, as JMH guarantees.
    private IsolatedDatabase db;
    private SessionStore sessions;
    private String table;
    private int expired = EXPIRED;
    private int live = LIVE;
    private int iteration;
    private Instant now;
    private int deleted;

    /** Opens the database and writes the users. */
    @Setup(Level.Trial)
    public void setUp() {
        setUp(EXPIRED, LIVE);
    }

    void setUp(int expiredCount, int liveCount) {
        expired = expiredCount;
        live = liveCount;
        db = BenchDatabase.of(database).open(2);
        try {
            String prefix = Population.installSchema(db);
            Population.users(db, prefix, USERS, Population.passwordHash());
            sessions = JdbcStores.create(db.dataSource(), JdbcSettings.defaults().withTablePrefix(prefix)).sessions();
            table = prefix + "session";
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Writes the expired and live sessions, outside the measured time. */
    @Setup(Level.Iteration)
    public void fill() {
        iteration++;
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        db.execute("DELETE FROM " + table);
        if (db.database() == BenchDatabase.POSTGRESQL) {
            db.execute("VACUUM " + table);
        }
        long twoWeeks = Duration.ofDays(14).toMillis();
        MessageDigest sha256 = sha256();
        try (BulkInsert rows = BulkInsert.into(db.dataSource(), db.database(), table, SESSION_COLUMNS)) {
            for (int i = 0; i < expired + live; i++) {
                boolean alive = i >= expired;
                long expiresAt = alive ? now.toEpochMilli() + Duration.ofDays(1).toMillis() + i
                        : now.toEpochMilli() - 1 - (long) i * twoWeeks / expired;
                long createdAt = expiresAt - twoWeeks;
                String idHash = HexFormat.of().formatHex(
                        sha256.digest((iteration + ":" + i).getBytes(StandardCharsets.US_ASCII)));
                String authHash = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        sha256.digest(idHash.getBytes(StandardCharsets.US_ASCII)));
                rows.row(idHash, 1L + i % USERS, authHash, createdAt, createdAt, expiresAt, false, "{}");
            }
        }
        if (db.database() == BenchDatabase.POSTGRESQL) {
            db.execute("VACUUM ANALYZE " + table);
        }
        deleted = 0;
    }

    /**
     * Deletes every expired session, a batch at a time, until a batch comes back short.
     *
     * @return how many were deleted
     */
    @Benchmark
    public int deleteExpired() {
        int total = 0;
        int count;
        do {
            count = sessions.deleteExpired(now, batch);
            total += count;
        } while (count == batch);
        deleted = total;
        return total;
    }

    /** Fails the run unless exactly the expired sessions went. */
    @TearDown(Level.Iteration)
    public void check() {
        long remaining = db.count(table, "");
        long stillExpired = db.count(table, "expires_at <= " + now.toEpochMilli());
        if (deleted != expired || remaining != live || stillExpired != 0) {
            throw new IllegalStateException("deleteExpired removed " + deleted + " sessions, expected " + expired
                    + "; " + remaining + " remain, expected " + live + ", of which " + stillExpired + " expired.");
        }
    }

    /** Drops the database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    IsolatedDatabase db() {
        return db;
    }

    SessionStore sessions() {
        return sessions;
    }

    String table() {
        return table;
    }

    Instant now() {
        return now;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime lacks SHA-256.", e);
        }
    }
}
