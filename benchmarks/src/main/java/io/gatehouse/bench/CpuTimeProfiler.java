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
 * A JMH profiler reporting the CPU time the benchmark's worker threads spent per operation
 * ({@value #LABEL}, in µs/op), next to JMH's wall-clock score.
 *
 * <p>Wall-clock scores fall when other processes take the CPU; CPU time per operation hardly moves, so on a busy
 * machine the CPU-time ratio between Gatehouse and a peer is the figure to trust, and on a quiet one the two agree.
 * It counts only threads named {@code *-jmh-worker-*} (not the JIT compiler or the garbage collector) and divides
 * by every operation they ran in the iteration, including JMH's synchronisation phases.
 *
 * <p>{@link Compare} adds it to every run; with plain JMH: {@code -prof io.gatehouse.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** The secondary result's name. */
    public static final String LABEL = "cpu.time.norm";

    private final WorkerCpuClock clock;
    private Map<Long, Long> before = Map.of();

    /**
     * Creates the profiler.
     *
     * @throws ProfilerException when this JVM cannot measure thread CPU time
     */
    public CpuTimeProfiler() throws ProfilerException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            throw new ProfilerException("This JVM cannot measure thread CPU time.");
        }
        threads.setThreadCpuTimeEnabled(true);
        clock = new WorkerCpuClock(threads);
    }

    @Override
    public String getDescription() {
        return "CPU time of the benchmark's worker threads per operation";
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
        double micros = clock.spentSince(before) / 1_000.0 / ops;
        return List.of(new ScalarResult(LABEL, micros, "us/op", AggregationPolicy.AVG));
    }

    /** Reads the CPU time of JMH's worker threads. */
    static final class WorkerCpuClock {
        static final String WORKER = "-jmh-worker-";

        private final ThreadMXBean threads;

        WorkerCpuClock(ThreadMXBean threads) {
            this.threads = threads;
        }

        /** CPU nanoseconds of each live worker thread, by thread id. */
        Map<Long, Long> snapshot() {
            Map<Long, Long> times = new HashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().contains(WORKER)) {
                    long cpu = threads.getThreadCpuTime(info.getThreadId());
                    if (cpu >= 0) {
                        times.put(info.getThreadId(), cpu);
                    }
                }
            }
            return times;
        }

        /** CPU nanoseconds the worker threads spent since {@code before}; a thread started since counts whole. */
        long spentSince(Map<Long, Long> before) {
            long spent = 0;
            for (Map.Entry<Long, Long> now : snapshot().entrySet()) {
                spent += now.getValue() - before.getOrDefault(now.getKey(), 0L);
            }
            return spent;
        }
    }
}
