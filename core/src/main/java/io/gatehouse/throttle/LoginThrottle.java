package io.gatehouse.throttle;

import io.gatehouse.user.EmailAddress;
import io.gatehouse.user.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a {@link ThrottlePolicy} to login attempts, per account and per client address. Thread-safe.
 *
 * <p>The account key is the login as typed, folded the way the user store compares it, so an attacker gets
 * the same answer for a name that exists and one that does not, and every spelling of one login shares a
 * counter. Keys are hashed before they reach the store. A lockout doubles with each failure after it, and
 * {@code forgetAfter} counts from the end of the lockout, so waiting one out does not restart the count.
 */
public final class LoginThrottle {
    private final ThrottleStore store;
    private final ThrottlePolicy policy;
    private final Clock clock;

    /**
     * Creates the throttle.
     *
     * @param store where counters live
     * @param policy the limits
     * @param clock the clock
     */
    public LoginThrottle(ThrottleStore store, ThrottlePolicy policy, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * How long the caller must wait before another attempt for this login or address is considered.
     *
     * @param login the username or email as typed
     * @param clientAddress the client's address, possibly empty
     * @return the wait, or empty when an attempt may go ahead
     */
    public Optional<Duration> retryAfter(String login, String clientAddress) {
        Instant now = clock.instant();
        Duration wait = remaining(accountKey(login), policy.maxFailuresPerAccount(), now);
        if (!clientAddress.isEmpty()) {
            Duration addressWait = remaining(addressKey(clientAddress), policy.maxFailuresPerAddress(), now);
            wait = wait.compareTo(addressWait) >= 0 ? wait : addressWait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * Counts a failed attempt against the login and the address.
     *
     * @param login the username or email as typed
     * @param clientAddress the client's address, possibly empty
     */
    public void recordFailure(String login, String clientAddress) {
        Instant now = clock.instant();
        count(accountKey(login), policy.maxFailuresPerAccount(), now);
        if (!clientAddress.isEmpty()) {
            count(addressKey(clientAddress), policy.maxFailuresPerAddress(), now);
        }
    }

    /**
     * Clears the account's failures after a successful login. The address keeps its count, so one good
     * account cannot be used to reset a password-spraying address.
     *
     * @param login the username or email as typed
     */
    public void recordSuccess(String login) {
        store.reset(accountKey(login));
    }

    private Duration remaining(String key, int limit, Instant now) {
        return store.find(key).map(state -> {
            Instant until = state.lastFailure().plus(policy.lockoutFor(state.failures(), limit));
            return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
        }).orElse(Duration.ZERO);
    }

    private void count(String key, int limit, Instant now) {
        // A lockout is an enforced silence, not a quiet gap: forgetAfter runs from the end of the lockout the
        // key is serving. Measured from the last failure instead, every lockout longer than forgetAfter (16
        // minutes under the defaults) restarted the count, so the doubling never reached maxLockout.
        Duration serving = store.find(key).map(state -> policy.lockoutFor(state.failures(), limit))
                .orElse(Duration.ZERO);
        store.recordFailure(key, now, policy.forgetAfter().plus(serving));
    }

    static String accountKey(String login) {
        // Cut before folding to bound the work; the digest makes the key length fixed anyway.
        String cut = login.length() > 512 ? login.substring(0, 512) : login;
        return digest("account:" + fold(cut));
    }

    /**
     * The form the user store looks the login up by, so that every spelling that finds one account shares
     * one counter. String.toLowerCase disagrees with the store's folding ("İ" becomes "i" plus a combining
     * dot, final sigma stays final), which gave each such spelling five more guesses.
     */
    private static String fold(String login) {
        return Username.lookupKey(login)
                .or(() -> EmailAddress.lookupKey(login))
                // Finds no user either way; any stable folding will do.
                .orElseGet(() -> Normalizer.normalize(login, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip());
    }

    static String addressKey(String clientAddress) {
        return digest("address:" + clientAddress);
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
