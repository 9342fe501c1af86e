package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.ProfilerException;

class CpuTimeProfilerTest {
    private final CpuTimeProfiler.WorkerCpuClock clock =
            new CpuTimeProfiler.WorkerCpuClock(ManagementFactory.getThreadMXBean());

    /** Spins until the current thread has used {@code millis} more of CPU time. */
    private static void spin(long millis) {
        long end = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                + TimeUnit.MILLISECONDS.toNanos(millis);
        while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void runIn(String name, Runnable work) throws InterruptedException {
        Thread thread = new Thread(work, name);
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    @Test
    void profilerStartsOnThisJvm() throws ProfilerException {
        assertThat(new CpuTimeProfiler().getDescription()).contains("CPU time");
    }

    @Test
    void workerThreadCpuTimeIsCountedWhileItRuns() throws InterruptedException {
        long[] spent = new long[1];

        runIn("io.gatehouse.bench.X.y-jmh-worker-1", () -> {
            Map<Long, Long> before = clock.snapshot();
            spin(50);
            spent[0] = clock.spentSince(before);
        });

        assertThat(spent[0]).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void otherThreadsAreNotCounted() throws InterruptedException {
        Map<Long, Long> before = clock.snapshot();

        runIn("not-a-benchmark-thread", () -> spin(30));

        assertThat(clock.snapshot()).isEmpty();
        assertThat(clock.spentSince(before)).isZero();
    }
}
