package io.gatehouse.throttle;

import java.time.Instant;
import java.util.Objects;

/**
 * The failure count of one throttling key.
 *
 * @param key the key, a SHA-256 hex digest naming an account or a client address
 * @param failures failures since the counter last started, at least 1
 * @param lastFailure when the latest failure happened
 */
public record ThrottleState(String key, int failures, Instant lastFailure) {
    /** Checks the components. */
    public ThrottleState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastFailure, "lastFailure");
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures + ".");
        }
    }
}
