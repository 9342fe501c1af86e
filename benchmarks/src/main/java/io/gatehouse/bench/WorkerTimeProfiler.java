package io.gatehouse.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting, per operation, the CPU time the benchmark's worker threads used ({@value #CPU}) and the
 * time they spent blocked entering a {@code synchronized} block held by another thread ({@value #BLOCKED}), both
 * in µs/op, next to JMH's wall-clock score.
 *
 * <p>Wall-clock scores fall when other processes take the CPU; CPU time per operation hardly moves, so on a busy
 * machine the CPU-time ratio between Gatehouse and a peer is the figure to trust, and on a quiet one the two agree.
 * Blocked time answers "does a lock serialise this?" whatever the load: near zero, no monitor makes the threads
 * queue. (Waiting in {@code java.util.concurrent} locks is not counted: JMH's own iteration barriers wait too.)
 *
 * <p>Only threads named {@code *-jmh-worker-*} count (not the JIT compiler or the garbage collector), divided by
 * every operation they ran in the iteration, JMH's synchronisation phases included. {@link Compare} adds the
 * profiler to every run; with plain JMH: {@code -prof io.gatehouse.bench.WorkerTimeProfiler}.
 */
public final class WorkerTimeProfiler implements InternalProfiler {
    /** The name of the CPU time result. */
    public static final String CPU = "cpu.time.norm";

    /** The name of the blocked time result. */
    public static final String BLOCKED = "blocked.time.norm";

    private final WorkerClock clock;
    private Map<Long, WorkerClock.Times> before = Map.of();

    /**
     * Creates the profiler and turns on the JVM's thread CPU time and contention measurement.
     *
     * @throws ProfilerException when this JVM cannot measure thread CPU time or monitor contention
     */
    public WorkerTimeProfiler() throws ProfilerException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadContentionMonitoringSupported()) {
            throw new ProfilerException("This JVM cannot measure thread CPU time or monitor contention.");
        }
        threads.setThreadCpuTimeEnabled(true);
        threads.setThreadContentionMonitoringEnabled(true);
        clock = new WorkerClock(threads);
    }

    @Override
    public String getDescription() {
        return "CPU time and monitor-blocked time of the benchmark's worker threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = clock.snapshot();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        WorkerClock.Times spent = clock.spentSince(before);
        return List.of(
                new ScalarResult(CPU, spent.cpuNanos() / 1_000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult(BLOCKED, spent.blockedMillis() * 1_000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    /** Reads the CPU and blocked time of JMH's worker threads. */
    static final class WorkerClock {
        static final String WORKER = "-jmh-worker-";

        private final ThreadMXBean threads;

        WorkerClock(ThreadMXBean threads) {
            this.threads = threads;
        }

        /**
         * What one thread, or several summed, have used.
         *
         * @param cpuNanos CPU time in nanoseconds
         * @param blockedMillis time blocked entering monitors, in milliseconds (the JVM's resolution)
         */
        record Times(long cpuNanos, long blockedMillis) {
            Times minus(Times earlier) {
                return new Times(cpuNanos - earlier.cpuNanos, blockedMillis - earlier.blockedMillis);
            }

            Times plus(Times other) {
                return new Times(cpuNanos + other.cpuNanos, blockedMillis + other.blockedMillis);
            }
        }

        /** The times of each live worker thread, by thread id. */
        Map<Long, Times> snapshot() {
            Map<Long, Times> times = new HashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().contains(WORKER)) {
                    long cpu = threads.getThreadCpuTime(info.getThreadId());
                    if (cpu >= 0) {
                        times.put(info.getThreadId(), new Times(cpu, Math.max(info.getBlockedTime(), 0)));
                    }
                }
            }
            return times;
        }

        /** What the worker threads used since {@code before}; a thread started since counts whole. */
        Times spentSince(Map<Long, Times> before) {
            Times spent = new Times(0, 0);
            for (Map.Entry<Long, Times> now : snapshot().entrySet()) {
                spent = spent.plus(now.getValue().minus(before.getOrDefault(now.getKey(), new Times(0, 0))));
            }
            return spent;
        }
    }
}
