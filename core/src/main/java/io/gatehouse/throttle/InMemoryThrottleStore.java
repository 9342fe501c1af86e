package io.gatehouse.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ThrottleStore} in this JVM's memory. Thread-safe; counters are lost on restart and are not
 * shared between nodes, so a cluster uses the JDBC store instead.
 */
public final class InMemoryThrottleStore implements ThrottleStore {
    private final ConcurrentHashMap<String, ThrottleState> states = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryThrottleStore() {
    }

    @Override
    public ThrottleState recordFailure(String key, Instant now, Duration forgetAfter) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        return states.compute(key, (k, old) -> {
            boolean fresh = old == null || old.lastFailure().plus(forgetAfter).isBefore(now);
            return new ThrottleState(k, fresh ? 1 : old.failures() + 1, now);
        });
    }

    @Override
    public Optional<ThrottleState> find(String key) {
        return Optional.ofNullable(states.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void reset(String key) {
        states.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        int[] removed = {0};
        states.entrySet().removeIf(e -> {
            boolean old = e.getValue().lastFailure().isBefore(cutoff);
            if (old) {
                removed[0]++;
            }
            return old;
        });
        return removed[0];
    }
}
