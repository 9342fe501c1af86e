package io.gatehouse.password;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * Named, versioned {@link PasswordHasher} configurations and helpers for unusable passwords.
 *
 * <p>Every hasher returned here encodes with one algorithm and verifies all of Django's stored formats:
 * {@code pbkdf2_sha256}, {@code pbkdf2_sha1}, {@code bcrypt_sha256}, {@code bcrypt} and plain
 * {@code $2a$/$2b$/$2y$} bcrypt strings ({@code $2x$} is refused). Hashers are immutable and thread-safe.
 *
 * <p>Security parameters are frozen per version: {@link #v1()} never changes, and {@link #defaults()} points at
 * the newest version, so upgrading Gatehouse can raise the default but never alters what an existing named
 * version writes. Verification bounds work: PBKDF2 above 10,000,000 iterations, bcrypt above cost 20 (unless
 * it is the hasher's own configured cost) and passwords over 4096 characters are not checked and do not match.
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHashers.defaults();
 * String stored = hasher.encode(password);          // bcrypt_sha256$$2b$11$...
 * boolean ok = hasher.matches(password, stored);
 * }</pre>
 */
public final class PasswordHashers {

    /**
     * The bcrypt cost of {@link #v1()}: one hash took about 158 ms with jbcrypt 0.4 on the 2-core reference
     * machine (OpenJDK 17; cost 10 took 79 ms, cost 12 took 316 ms).
     */
    public static final int V1_BCRYPT_COST = 11;

    /** Lowest bcrypt cost that {@link #bcryptSha256(int)} accepts for production use. */
    public static final int MIN_PRODUCTION_BCRYPT_COST = 10;

    /** Lowest PBKDF2 iteration count that {@link #pbkdf2Sha256(int)} accepts for encoding (Django 2.0's). */
    public static final int MIN_PRODUCTION_PBKDF2_ITERATIONS = 100_000;

    private static final String UNUSABLE_PREFIX = "!";
    private static final int UNUSABLE_SUFFIX_LENGTH = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashers() {
    }

    /**
     * Returns the recommended hasher; today this is {@link #v1()}.
     *
     * @return a hasher that encodes with the current recommended settings and verifies every supported format
     */
    public static PasswordHasher defaults() {
        return v1();
    }

    /**
     * Returns version 1 of the recommended settings, frozen: encodes Django's {@code bcrypt_sha256} at cost
     * {@value #V1_BCRYPT_COST} and writes {@code $2b$} so that Django can read the hashes back.
     *
     * @return the version 1 hasher
     */
    public static PasswordHasher v1() {
        return bcryptSha256(V1_BCRYPT_COST);
    }

    /**
     * Returns a hasher that encodes {@code bcrypt_sha256} at {@code cost} and verifies every supported format.
     *
     * @param cost the bcrypt log2 work factor, from {@value #MIN_PRODUCTION_BCRYPT_COST} to 31; each step doubles
     *     the time of one hash
     * @return the hasher
     * @throws IllegalArgumentException if {@code cost} is out of range
     */
    public static PasswordHasher bcryptSha256(int cost) {
        if (cost < MIN_PRODUCTION_BCRYPT_COST) {
            throw new IllegalArgumentException("cost is " + cost + " but must be at least "
                    + MIN_PRODUCTION_BCRYPT_COST + " for stored passwords; use PasswordHashers.forTesting() in tests.");
        }
        return delegating(new BcryptSha256Hasher(cost, RANDOM));
    }

    /**
     * Returns a hasher that encodes {@code pbkdf2_sha256} with {@code iterations} and verifies every supported
     * format, for applications that must keep writing Django's default format.
     *
     * @param iterations the PBKDF2 iteration count, from {@value #MIN_PRODUCTION_PBKDF2_ITERATIONS} to 10,000,000
     * @return the hasher
     * @throws IllegalArgumentException if {@code iterations} is out of range
     */
    public static PasswordHasher pbkdf2Sha256(int iterations) {
        if (iterations < MIN_PRODUCTION_PBKDF2_ITERATIONS) {
            throw new IllegalArgumentException("iterations is " + iterations + " but must be at least "
                    + MIN_PRODUCTION_PBKDF2_ITERATIONS + " for stored passwords; Django 3.2 writes 260000 and Django 5.2 writes 1000000.");
        }
        return delegating(Pbkdf2Hasher.sha256(iterations, RANDOM));
    }

    /**
     * Returns a fast hasher for tests: {@code bcrypt_sha256} at cost 4 (under 2 ms a hash), verifying every
     * supported format.
     *
     * <p>Security note: never use it for real passwords; cost 4 is about 128 times cheaper to guess than
     * {@link #v1()}.
     *
     * @return the test hasher
     */
    public static PasswordHasher forTesting() {
        return delegating(new BcryptSha256Hasher(Bcrypt.MIN_COST, RANDOM));
    }

    /**
     * Returns a hasher that encodes with {@code encoder}, verifies with it whatever it
     * {@link PasswordHasher#recognizes recognizes}, and verifies every other supported Django format itself.
     * {@code needsRehash} is true for every value {@code encoder} does not recognise.
     *
     * @param encoder the hasher for new hashes; it should override {@code recognizes} to claim only its own format
     * @return the composed hasher
     */
    public static PasswordHasher delegating(PasswordHasher encoder) {
        Objects.requireNonNull(encoder, "encoder");
        return new DelegatingPasswordHasher(encoder, List.of(
                new BcryptSha256Hasher(Bcrypt.MIN_COST, RANDOM),
                Pbkdf2Hasher.sha256(1, RANDOM),
                Pbkdf2Hasher.sha1(1, RANDOM),
                new LegacyBcryptHasher()));
    }

    /**
     * Returns a fresh unusable-password marker in Django's form: {@code "!"} followed by 40 random characters.
     * Store it for accounts that must not log in with a password (for example, single sign-on only).
     *
     * @return a marker that no password matches and that {@link #isUsable} reports as unusable
     */
    public static String unusable() {
        return UNUSABLE_PREFIX + RawPasswords.randomAlphanumeric(RANDOM, UNUSABLE_SUFFIX_LENGTH);
    }

    /**
     * Returns whether {@code encoded} is a real hash rather than an unusable marker, as Django's
     * {@code is_password_usable} does: anything not starting with {@code "!"} counts as usable.
     *
     * @param encoded a stored encoded value
     * @return {@code false} for values starting with {@code "!"}
     */
    public static boolean isUsable(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return !encoded.startsWith(UNUSABLE_PREFIX);
    }
}
