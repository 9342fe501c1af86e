package io.gatehouse.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test support: an in-memory throttle store that remembers every key it was handed. Thread-safe. */
public final class RecordingThrottleStore implements ThrottleStore {
    private final InMemoryThrottleStore delegate = new InMemoryThrottleStore();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    @Override
    public ThrottleState recordFailure(String key, Instant now, Duration forgetAfter) {
        keys.add(key);
        return delegate.recordFailure(key, now, forgetAfter);
    }

    @Override
    public Optional<ThrottleState> find(String key) {
        keys.add(key);
        return delegate.find(key);
    }

    @Override
    public void reset(String key) {
        keys.add(key);
        delegate.reset(key);
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return delegate.deleteOlderThan(cutoff);
    }

    /**
     * Every key passed to {@code recordFailure}, {@code find} or {@code reset}, in order.
     *
     * @return the keys
     */
    public List<String> keys() {
        return List.copyOf(keys);
    }
}
