package io.gatehouse.password.validation;

/**
 * Factories for the built-in {@link PasswordValidator}s, each a port of one of Django's validators.
 *
 * <p>All returned validators are immutable and thread-safe. Lengths count Unicode code points, so a Korean
 * syllable or an emoji counts as one character.
 *
 * <pre>{@code
 * PasswordPolicy policy = PasswordPolicy.of(List.of(
 *         PasswordValidators.maximumLength(64),
 *         PasswordValidators.minimumLength(10),
 *         PasswordValidators.commonPasswords()));
 * }</pre>
 */
public final class PasswordValidators {

    /** The default minimum length, in code points. */
    public static final int DEFAULT_MINIMUM_LENGTH = 12;

    /** The default maximum length, in code points; matches the login path's cap. */
    public static final int DEFAULT_MAXIMUM_LENGTH = 128;

    /** Django's default maximum similarity between a password and a user attribute. */
    public static final double DEFAULT_MAX_SIMILARITY = 0.7;

    private PasswordValidators() {
    }

    /**
     * Returns a rule refusing passwords shorter than {@code minimum} code points ({@code password_too_short}).
     *
     * @param minimum the least number of code points, at least 1
     * @return the validator
     * @throws IllegalArgumentException if {@code minimum} is below 1
     */
    public static PasswordValidator minimumLength(int minimum) {
        return new MinimumLengthValidator(minimum);
    }

    /**
     * Returns a rule refusing passwords longer than {@code maximum} code points ({@code password_too_long}).
     * {@link PasswordPolicy} runs it before all other rules and skips them when it fails, bounding their work.
     *
     * @param maximum the greatest number of code points, at least 1
     * @return the validator
     * @throws IllegalArgumentException if {@code maximum} is below 1
     */
    public static PasswordValidator maximumLength(int maximum) {
        return new MaximumLengthValidator(maximum);
    }

    /**
     * Returns a rule refusing Django's 20,000 most common passwords, case-insensitively and ignoring
     * surrounding whitespace ({@code password_too_common}). The list is read from the classpath on first use.
     *
     * @return the validator
     */
    public static PasswordValidator commonPasswords() {
        return new CommonPasswordValidator();
    }

    /**
     * Returns a rule refusing passwords made only of digits, in any script ({@code password_entirely_numeric}).
     *
     * @return the validator
     */
    public static PasswordValidator notEntirelyNumeric() {
        return new NumericPasswordValidator();
    }

    /**
     * Returns a rule refusing passwords similar to the username, names or email address
     * ({@code password_too_similar}).
     *
     * @param maxSimilarity the similarity from 0.1 to 1.0 at which a password is refused; higher is more lenient
     * @return the validator
     * @throws IllegalArgumentException if {@code maxSimilarity} is out of range
     */
    public static PasswordValidator userAttributeSimilarity(double maxSimilarity) {
        return new UserAttributeSimilarityValidator(maxSimilarity);
    }
}
