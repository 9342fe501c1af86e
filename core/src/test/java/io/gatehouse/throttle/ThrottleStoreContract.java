package io.gatehouse.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ThrottleStore} shares. A store's test extends this class and supplies a fresh,
 * empty store; the JDBC module runs the same methods through the core test-jar.
 *
 * <p>Time rules, made precise here so every store agrees: a failure exactly {@code forgetAfter} after the
 * previous one still counts on (the gap is not <em>longer</em> than {@code forgetAfter}); one millisecond later
 * restarts at 1. {@code deleteOlderThan(cutoff)} keeps a counter whose last failure is exactly {@code cutoff}.
 * Every instant is a whole millisecond, the precision stores must keep.
 */
public abstract class ThrottleStoreContract {
    /** A whole-millisecond instant the tests count from. */
    protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123Z");
    /** The quiet gap after which a counter restarts. */
    protected static final Duration FORGET = Duration.ofMinutes(15);

    private static final String KEY = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);
    private static final String OLD = "0".repeat(64);
    private static final String EDGE = "1".repeat(64);
    private static final String NEW = "2".repeat(64);

    private ThrottleStore store;

    /**
     * A new, empty store for one test.
     *
     * @return the store
     */
    protected abstract ThrottleStore newStore();

    /** Creates the store under test. */
    @BeforeEach
    public void createStore() {
        store = newStore();
    }

    @Test
    public void recordFailureCountsOneTwoThree() {
        assertThat(store.recordFailure(KEY, T0, FORGET)).isEqualTo(new ThrottleState(KEY, 1, T0));
        assertThat(store.recordFailure(KEY, T0.plusSeconds(1), FORGET).failures()).isEqualTo(2);
        assertThat(store.recordFailure(KEY, T0.plusSeconds(2), FORGET))
                .isEqualTo(new ThrottleState(KEY, 3, T0.plusSeconds(2)));
    }

    @Test
    public void recordFailureKeepsKeysApart() {
        store.recordFailure(KEY, T0, FORGET);
        store.recordFailure(KEY, T0, FORGET);

        assertThat(store.recordFailure(OTHER, T0, FORGET).failures()).isEqualTo(1);
        assertThat(store.find(KEY).orElseThrow().failures()).isEqualTo(2);
    }

    @Test
    public void recordFailureWhenExactlyForgetAfterLaterThenStillCounts() {
        store.recordFailure(KEY, T0, FORGET);

        assertThat(store.recordFailure(KEY, T0.plus(FORGET), FORGET).failures()).isEqualTo(2);
    }

    @Test
    public void recordFailureWhenOneMilliPastForgetAfterThenRestartsAtOne() {
        store.recordFailure(KEY, T0, FORGET);
        store.recordFailure(KEY, T0, FORGET);

        ThrottleState state = store.recordFailure(KEY, T0.plus(FORGET).plusMillis(1), FORGET);

        assertThat(state).isEqualTo(new ThrottleState(KEY, 1, T0.plus(FORGET).plusMillis(1)));
    }

    @Test
    public void recordFailureMeasuresTheGapFromTheLatestFailureNotTheFirst() {
        Instant at = T0;
        for (int i = 0; i < 4; i++) {
            store.recordFailure(KEY, at, FORGET);
            at = at.plus(FORGET);
        }

        assertThat(store.find(KEY).orElseThrow().failures()).isEqualTo(4);
    }

    @Test
    public void recordFailureUsesTheForgetAfterOfThisCall() {
        store.recordFailure(KEY, T0, FORGET);

        assertThat(store.recordFailure(KEY, T0.plus(Duration.ofHours(1)), Duration.ofHours(1)).failures())
                .isEqualTo(2);
    }

    @Test
    public void findWhenNoFailuresThenEmpty() {
        assertThat(store.find(KEY)).isEmpty();
    }

    @Test
    public void findReturnsTheLatestState() {
        store.recordFailure(KEY, T0, FORGET);
        store.recordFailure(KEY, T0.plusMillis(1), FORGET);

        assertThat(store.find(KEY)).contains(new ThrottleState(KEY, 2, T0.plusMillis(1)));
    }

    @Test
    public void resetForgetsOnlyThatKey() {
        store.recordFailure(KEY, T0, FORGET);
        store.recordFailure(OTHER, T0, FORGET);

        store.reset(KEY);

        assertThat(store.find(KEY)).isEmpty();
        assertThat(store.find(OTHER)).isPresent();
        assertThat(store.recordFailure(KEY, T0, FORGET).failures()).isEqualTo(1);
    }

    @Test
    public void resetWhenKeyUnknownThenNothingHappens() {
        store.reset(KEY);

        assertThat(store.find(KEY)).isEmpty();
    }

    @Test
    public void deleteOlderThanDeletesOnlyCountersWhoseLastFailureIsBeforeTheCutoff() {
        store.recordFailure(OLD, T0.minusMillis(1), FORGET);
        store.recordFailure(EDGE, T0, FORGET);
        store.recordFailure(NEW, T0.plusMillis(1), FORGET);

        assertThat(store.deleteOlderThan(T0)).isEqualTo(1);

        assertThat(store.find(OLD)).isEmpty();
        assertThat(store.find(EDGE)).isPresent();
        assertThat(store.find(NEW)).isPresent();
        assertThat(store.deleteOlderThan(T0)).isZero();
    }

    @Test
    public void deleteOlderThanLooksAtTheLatestFailure() {
        store.recordFailure(KEY, T0.minus(Duration.ofMinutes(10)), FORGET);
        store.recordFailure(KEY, T0, FORGET);

        assertThat(store.deleteOlderThan(T0.minus(Duration.ofMinutes(5)))).isZero();
        assertThat(store.find(KEY).orElseThrow().failures()).isEqualTo(2);
    }

    @Test
    public void nullArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> store.recordFailure(null, T0, FORGET)).isInstanceOf(NullPointerException.class)
                .hasMessage("key");
        assertThatThrownBy(() -> store.recordFailure(KEY, null, FORGET)).hasMessage("now");
        assertThatThrownBy(() -> store.recordFailure(KEY, T0, null)).hasMessage("forgetAfter");
        assertThatThrownBy(() -> store.find(null)).hasMessage("key");
        assertThatThrownBy(() -> store.reset(null)).hasMessage("key");
        assertThatThrownBy(() -> store.deleteOlderThan(null)).hasMessage("cutoff");
    }

    @Test
    public void concurrentFailuresOnOneKeyAddUpExactly() throws Exception {
        int threads = 32;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> maxima = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                maxima.add(pool.submit(() -> {
                    start.await();
                    int highest = 0;
                    for (int i = 0; i < perThread; i++) {
                        highest = Math.max(highest, store.recordFailure(KEY, T0, FORGET).failures());
                    }
                    return highest;
                }));
            }
            start.countDown();
            int highest = 0;
            for (Future<Integer> max : maxima) {
                highest = Math.max(highest, max.get(30, TimeUnit.SECONDS));
            }

            assertThat(store.find(KEY).orElseThrow().failures()).isEqualTo(threads * perThread);
            assertThat(highest).as("some call saw the final count").isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
