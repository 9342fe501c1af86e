package io.gatehouse.password;

/**
 * Turns a raw password into a salted, slow, self-describing encoded hash and checks candidates against it.
 *
 * <p>Contract: implementations are immutable and thread-safe. Every method throws
 * {@link NullPointerException} for a null argument. {@link #matches} never throws for an encoded value it
 * cannot use (malformed, unknown algorithm, unusable marker, absurd work factor): it returns {@code false}.
 *
 * <p>Security note: an encoded value is as sensitive as a password for offline guessing; never log it or
 * put it in a message. Callers that must not reveal whether an account exists should check
 * {@link #recognizes} and, when it is {@code false}, verify against a dummy hash instead, so that every
 * login path costs exactly one hash.
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHashers.defaults();
 * String stored = hasher.encode("correct horse battery staple");
 * if (hasher.matches(candidate, stored) && hasher.needsRehash(stored)) {
 *     stored = hasher.encode(candidate);
 * }
 * }</pre>
 */
public interface PasswordHasher {

    /**
     * Hashes {@code raw} with a fresh random salt.
     *
     * @param raw the password; its exact UTF-8 bytes are hashed, without Unicode normalisation
     * @return the encoded hash, including the algorithm, work factor and salt
     * @throws IllegalArgumentException if {@code raw} is too long for the implementation or contains an
     *     unpaired surrogate (it has no UTF-8 form)
     */
    String encode(CharSequence raw);

    /**
     * Returns whether {@code raw} is the password that produced {@code encoded}, comparing in constant time.
     *
     * @param raw the candidate password
     * @param encoded a value previously returned by {@link #encode} or imported from Django
     * @return {@code true} only for the right password and a usable, well-formed {@code encoded}; never
     *     throws for a bad {@code encoded}
     */
    boolean matches(CharSequence raw, String encoded);

    /**
     * Returns whether {@code encoded} should be replaced by a fresh {@link #encode} of the password, because
     * it uses another algorithm or work factor than this hasher's current one, or is not recognised at all.
     *
     * @param encoded a stored encoded hash
     * @return {@code true} if the caller should re-encode the password after a successful {@link #matches}
     */
    boolean needsRehash(String encoded);

    /**
     * Returns whether {@link #matches} would really compute a hash for {@code encoded}: known algorithm,
     * well-formed, usable and within the accepted work-factor bounds.
     *
     * <p>Security note: login code uses this to hash a dummy value when it is {@code false}, so that an
     * unknown user, an unusable password and a wrong password all cost the same time.
     *
     * @param encoded a stored encoded hash
     * @return {@code true} when checking a password against {@code encoded} costs one real hash
     */
    default boolean recognizes(String encoded) {
        return true;
    }
}
