package io.gatehouse.bench;

import io.gatehouse.permission.Subject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Gatehouse's request path ({@link ResolveBenchmark#gatehouse}) on PostgreSQL with 1, 2, 4 and 8 threads sharing
 * a pool of {@value #POOL} connections; the "peer" of each multi-thread run is the one-thread run, so the ratio is
 * the speed-up. Same data as {@link ResolveBenchmark}, without Spring's side.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResolveThreadsBenchmark {
    /** One connection per thread of the widest run. */
    static final int POOL = 8;

    /** The PostgreSQL database and its data, built once per fork. */
    @State(Scope.Benchmark)
    public static class Site {
        // Set by setUp() before any benchmark method runs, as JMH guarantees.
        private ResolveSite site;

        /** Opens a PostgreSQL schema of its own and fills it. */
        @Setup(Level.Trial)
        public void setUp() {
            setUp(BenchDatabase.POSTGRESQL, ResolveBenchmark.USERS);
        }

        void setUp(BenchDatabase database, int users) {
            site = ResolveSite.open(database, users, 1, POOL, false);
        }

        /** Drops the schema. */
        @TearDown(Level.Trial)
        public void tearDown() {
            site.close();
        }

        Subject resolve(ResolveBenchmark.Cursor cursor) {
            return site.gatehouse(cursor.next(site.sessions()));
        }

        ResolveSite site() {
            return site;
        }
    }

    /**
     * One thread.
     *
     * @param site the data
     * @param cursor this thread's walk through the sessions
     * @return the subject
     */
    @Benchmark
    @Threads(1)
    public Subject oneThread(Site site, ResolveBenchmark.Cursor cursor) {
        return site.resolve(cursor);
    }

    /**
     * Two threads.
     *
     * @param site the data
     * @param cursor this thread's walk through the sessions
     * @return the subject
     */
    @Benchmark
    @Threads(2)
    public Subject twoThreads(Site site, ResolveBenchmark.Cursor cursor) {
        return site.resolve(cursor);
    }

    /**
     * Four threads.
     *
     * @param site the data
     * @param cursor this thread's walk through the sessions
     * @return the subject
     */
    @Benchmark
    @Threads(4)
    public Subject fourThreads(Site site, ResolveBenchmark.Cursor cursor) {
        return site.resolve(cursor);
    }

    /**
     * Eight threads.
     *
     * @param site the data
     * @param cursor this thread's walk through the sessions
     * @return the subject
     */
    @Benchmark
    @Threads(8)
    public Subject eightThreads(Site site, ResolveBenchmark.Cursor cursor) {
        return site.resolve(cursor);
    }
}
