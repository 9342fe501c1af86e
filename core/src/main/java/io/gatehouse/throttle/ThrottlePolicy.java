package io.gatehouse.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed logins are tolerated and how long the lockout grows.
 *
 * <p>A key (an account, or a client address) is locked once it has {@code maxFailures} failures with no quiet
 * gap longer than {@code forgetAfter} between them; time spent locked out does not count as quiet. The first
 * lockout lasts {@code baseLockout}, and each further failure doubles it, up to {@code maxLockout}. Client addresses get a higher limit because many
 * people can share one (an office NAT, a mobile carrier).
 *
 * @param maxFailuresPerAccount failures an account tolerates before lockout
 * @param maxFailuresPerAddress failures a client address tolerates before lockout
 * @param forgetAfter how long a quiet key keeps its count
 * @param baseLockout the first lockout's length
 * @param maxLockout the longest lockout
 */
public record ThrottlePolicy(
        int maxFailuresPerAccount,
        int maxFailuresPerAddress,
        Duration forgetAfter,
        Duration baseLockout,
        Duration maxLockout) {

    /** Checks the bounds. */
    public ThrottlePolicy {
        if (maxFailuresPerAccount < 1) {
            throw new IllegalArgumentException("maxFailuresPerAccount must be at least 1, was "
                    + maxFailuresPerAccount + ".");
        }
        if (maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("maxFailuresPerAddress must be at least 1, was "
                    + maxFailuresPerAddress + ".");
        }
        requirePositive(forgetAfter, "forgetAfter");
        requirePositive(baseLockout, "baseLockout");
        requirePositive(maxLockout, "maxLockout");
        if (maxLockout.compareTo(baseLockout) < 0) {
            throw new IllegalArgumentException("maxLockout must not be shorter than baseLockout.");
        }
    }

    /**
     * The default: 5 failures per account and 50 per address within 15 minutes, then a lockout of 1 minute
     * that doubles with each further failure, up to 1 hour.
     *
     * @return the default policy
     */
    public static ThrottlePolicy defaults() {
        return new ThrottlePolicy(5, 50, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1));
    }

    /**
     * How long a key with this many failures stays locked after its last failure.
     *
     * @param failures the failure count
     * @param limit the limit that applies to the key
     * @return zero below the limit, else the lockout length
     */
    Duration lockoutFor(int failures, int limit) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - limit, 30);
        Duration lockout = baseLockout.multipliedBy(1L << doublings);
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }

    private static void requirePositive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value + ".");
        }
    }
}
