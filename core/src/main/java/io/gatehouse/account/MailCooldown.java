package io.gatehouse.account;

import io.gatehouse.throttle.ThrottleState;
import io.gatehouse.throttle.ThrottleStore;
import io.gatehouse.user.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * At most one mail of a kind to one address per cool-down, kept in the {@link ThrottleStore} so that every
 * application node sharing the store shares the limit and no new table is needed. A key is the SHA-256 of
 * the kind and the canonical address, so the store holds no address. The cool-down runs from the last mail
 * that went out: a refused attempt does not extend it, and a mail exactly one cool-down after the last one
 * is allowed.
 */
final class MailCooldown {
    private final ThrottleStore store;
    private final Duration cooldown;
    private final Clock clock;

    MailCooldown(ThrottleStore store, Duration cooldown, Clock clock) {
        this.store = store;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /**
     * How long until a mail of this kind may go to the address again.
     *
     * @return the wait, or empty when a mail may go now
     */
    Optional<Duration> retryAfter(String kind, String email) {
        Instant now = now();
        return store.find(key(kind, email)).map(last -> last.lastFailure().plus(cooldown))
                .filter(now::isBefore).map(until -> Duration.between(now, until));
    }

    /**
     * Takes the turn of the address: true when no mail of this kind went to it within the cool-down, and then
     * the cool-down restarts now. Of several concurrent callers, at most one gets true.
     */
    boolean tryAcquire(String kind, String email) {
        String key = key(kind, email);
        Instant now = now();
        Optional<ThrottleState> last = store.find(key);
        if (last.isPresent() && now.isBefore(last.get().lastFailure().plus(cooldown))) {
            return false;
        }
        // The store has no compare-and-set, but it counts atomically: callers that saw the same last state
        // count on one claim key for that state, and only the first count wins it. The state's time makes
        // the claim key new for each turn.
        String claim = digest("claim:" + key + ":" + last.map(s -> s.failures() + "@" + s.lastFailure())
                .orElse("none"));
        if (store.recordFailure(claim, now, cooldown).failures() != 1) {
            return false;
        }
        start(key, now);
        return true;
    }

    /** Restarts the cool-down of the address now, whether or not it was running (a mail went out anyway). */
    void restart(String kind, String email) {
        start(key(kind, email), now());
    }

    private void start(String key, Instant now) {
        store.recordFailure(key, now, cooldown);
    }

    private Instant now() {
        // Stores keep milliseconds; comparing at the same precision keeps the boundary exact.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String key(String kind, String email) {
        return digest("mail-cooldown:" + kind + ":" + EmailAddress.canonical(email));
    }

    private static String digest(String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM.", e);
        }
    }
}
