package io.gatehouse.password;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: wraps a {@link PasswordHasher} and counts the hashes it really computes.
 *
 * <p>{@link #hashes()} counts {@code encode} calls plus {@code matches} calls for which
 * {@code recognizes(encoded)} is true, so login tests can assert that every path (unknown user, unusable
 * password, wrong password, right password) costs exactly one hash. Thread-safe.
 */
public final class CountingPasswordHasher implements PasswordHasher {

    private final PasswordHasher delegate;
    private final AtomicInteger encodes = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();

    /**
     * Wraps {@code delegate}.
     *
     * @param delegate the hasher doing the work, typically {@link PasswordHashers#forTesting()}
     */
    public CountingPasswordHasher(PasswordHasher delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns a counter around {@link PasswordHashers#forTesting()}.
     *
     * @return a fast counting hasher
     */
    public static CountingPasswordHasher forTesting() {
        return new CountingPasswordHasher(PasswordHashers.forTesting());
    }

    @Override
    public String encode(CharSequence raw) {
        encodes.incrementAndGet();
        return delegate.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (delegate.recognizes(encoded)) {
            verifications.incrementAndGet();
        }
        return delegate.matches(raw, encoded);
    }

    @Override
    public boolean needsRehash(String encoded) {
        return delegate.needsRehash(encoded);
    }

    @Override
    public boolean recognizes(String encoded) {
        return delegate.recognizes(encoded);
    }

    /**
     * Returns the number of {@code encode} calls since creation or the last {@link #reset()}.
     *
     * @return the encode count
     */
    public int encodes() {
        return encodes.get();
    }

    /**
     * Returns the number of {@code matches} calls that computed a hash since creation or the last {@link #reset()}.
     *
     * @return the real verification count
     */
    public int verifications() {
        return verifications.get();
    }

    /**
     * Returns {@link #encodes()} plus {@link #verifications()}: the hashes computed.
     *
     * @return the total hash count
     */
    public int hashes() {
        return encodes() + verifications();
    }

    /** Sets every count back to zero. */
    public void reset() {
        encodes.set(0);
        verifications.set(0);
    }

    @Override
    public String toString() {
        return "CountingPasswordHasher[" + delegate + "]";
    }
}
