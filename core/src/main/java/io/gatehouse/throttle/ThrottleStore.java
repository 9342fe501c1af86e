package io.gatehouse.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: failure counters for login throttling. Implementations: {@link InMemoryThrottleStore} and the JDBC
 * store, which shares counters between application nodes; all pass the {@code ThrottleStoreContract} suite.
 *
 * <p>Implementations are thread-safe and increment atomically: N concurrent failures add exactly N.
 */
public interface ThrottleStore {
    /**
     * Counts one failure. When the previous failure is older than {@code forgetAfter} (or there is none) the
     * counter restarts at 1.
     *
     * @param key the throttling key
     * @param now when the failure happened
     * @param forgetAfter how long a quiet key keeps its count
     * @return the state after counting
     */
    ThrottleState recordFailure(String key, Instant now, Duration forgetAfter);

    /**
     * The current state of a key.
     *
     * @param key the throttling key
     * @return the state, or empty when the key has no failures
     */
    Optional<ThrottleState> find(String key);

    /**
     * Forgets a key's failures, as after a successful login.
     *
     * @param key the throttling key
     */
    void reset(String key);

    /**
     * Deletes counters whose last failure is before {@code cutoff}.
     *
     * @param cutoff the oldest failure time to keep
     * @return how many counters were deleted
     */
    int deleteOlderThan(Instant cutoff);
}
