package io.gatehouse.bench;

import io.gatehouse.Gatehouse;
import io.gatehouse.permission.Subject;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
import org.openjdk.jmh.infra.ThreadParams;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The request path: a session cookie resolved to its user with the user's permissions, on one thread, on H2 in
 * memory and on PostgreSQL. Gatehouse: {@link Gatehouse#subject(String)} over the JDBC store, one SQL statement.
 * The peer: Spring Session JDBC's {@code findById} then Spring Security's {@code JdbcUserDetailsManager
 * .loadUserByUsername} with groups enabled ({@link SpringPeer}). Same database, same data ({@link ResolveSite}:
 * {@value #USERS} users with one session each, 6 permissions per user, 2 direct and 4 through a group).
 *
 * <p>Each thread walks the sessions in a fixed stride, so consecutive resolves hit different rows. Set-up prints
 * the statements per resolve of both sides ({@link ResolveSite#countStatements}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResolveBenchmark {
    /** Users, and sessions (one each), on each side. */
    static final int USERS = 10_000;

    /** The database and its data, built once per fork. */
    @State(Scope.Benchmark)
    public static class Site {
        /** Which database: {@code h2} or {@code postgresql}. */
        @Param({"h2", "postgresql"})
        public String database = "h2";

        // Set by setUp() before any benchmark method runs, as JMH guarantees.
        private ResolveSite site;

        /** Opens the database, fills it on both sides and prints the statement counts. */
        @Setup(Level.Trial)
        public void setUp() {
            setUp(USERS, 1);
        }

        void setUp(int users, int sessionsPerUser) {
            site = ResolveSite.open(BenchDatabase.of(database), users, sessionsPerUser, 4, true);
            System.out.println("[resolve] statements per resolve on " + database + ": " + site.countStatements());
        }

        /** Drops the database. */
        @TearDown(Level.Trial)
        public void tearDown() {
            site.close();
        }

        ResolveSite site() {
            return site;
        }
    }

    /**
     * Gatehouse resolving a cookie.
     *
     * @param site the data
     * @param cursor this thread's walk through the sessions
     * @return the logged-in subject
     */
    @Benchmark
    public Subject gatehouse(Site site, Cursor cursor) {
        return site.site().gatehouse(cursor.next(site.site().sessions()));
    }

    /**
     * Spring Session JDBC and Spring Security resolving a session id.
     *
     * @param site the data
     * @param cursor this thread's walk through the sessions
     * @return the user with its authorities
     */
    @Benchmark
    public @Nullable UserDetails spring(Site site, Cursor cursor) {
        return site.site().spring(cursor.next(site.site().sessions()));
    }

    /** A thread's walk through {@code 0..size-1} in steps of a prime that divides no power of ten. */
    @State(Scope.Thread)
    public static class Cursor {
        static final int STRIDE = 7_919;

        private long position;

        /**
         * Starts each thread at a different place.
         *
         * @param thread which thread this is
         */
        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            position = thread.getThreadIndex() * 1_009L;
        }

        /** The next index below {@code size}. */
        int next(int size) {
            position = (position + STRIDE) % size;
            return (int) position;
        }
    }
}
