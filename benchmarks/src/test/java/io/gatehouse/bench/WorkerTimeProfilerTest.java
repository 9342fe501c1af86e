package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.ProfilerException;

class WorkerTimeProfilerTest {
    private static final String WORKER_NAME = "io.gatehouse.bench.X.y-jmh-worker-1";

    private final WorkerTimeProfiler.WorkerClock clock =
            new WorkerTimeProfiler.WorkerClock(ManagementFactory.getThreadMXBean());

    @BeforeAll
    static void enableMeasurement() throws ProfilerException {
        // The profiler's constructor turns on CPU time and contention monitoring, as it does in a JMH fork.
        assertThat(new WorkerTimeProfiler().getDescription()).contains("CPU time");
    }

    /** Spins until the current thread has used {@code millis} more of CPU time. */
    private static void spin(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (threads.getCurrentThreadCpuTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void runIn(String name, Runnable work) throws InterruptedException {
        Thread thread = new Thread(work, name);
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    @Test
    void workerThreadCpuTimeIsCountedWhileItRuns() throws InterruptedException {
        WorkerTimeProfiler.WorkerClock.Times[] spent = new WorkerTimeProfiler.WorkerClock.Times[1];

        runIn(WORKER_NAME, () -> {
            Map<Long, WorkerTimeProfiler.WorkerClock.Times> before = clock.snapshot();
            spin(50);
            spent[0] = clock.spentSince(before);
        });

        assertThat(spent[0].cpuNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(spent[0].blockedMillis()).isZero();
    }

    @Test
    void workerThreadBlockedOnAMonitorIsCounted() throws InterruptedException {
        Object monitor = new Object();
        CountDownLatch held = new CountDownLatch(1);
        WorkerTimeProfiler.WorkerClock.Times[] spent = new WorkerTimeProfiler.WorkerClock.Times[1];
        Thread holder = new Thread(() -> {
            synchronized (monitor) {
                held.countDown();
                spin(200);
            }
        }, "holder");
        holder.start();

        runIn(WORKER_NAME, () -> {
            Map<Long, WorkerTimeProfiler.WorkerClock.Times> before = clock.snapshot();
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (monitor) {
                spent[0] = clock.spentSince(before);
            }
        });
        holder.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(spent[0].blockedMillis()).isPositive();
    }

    @Test
    void otherThreadsAreNotCounted() throws InterruptedException {
        Map<Long, WorkerTimeProfiler.WorkerClock.Times> before = clock.snapshot();

        runIn("not-a-benchmark-thread", () -> spin(30));

        assertThat(clock.snapshot()).isEmpty();
        assertThat(clock.spentSince(before)).isEqualTo(new WorkerTimeProfiler.WorkerClock.Times(0, 0));
    }
}
