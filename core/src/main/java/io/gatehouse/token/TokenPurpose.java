package io.gatehouse.token;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a token is for, and how long it lives. The name is part of the key the token's HMAC is made with, so a
 * token made for one purpose never checks as another, whatever the timeouts.
 *
 * <pre>{@code
 * TokenPurpose shortReset = TokenPurpose.PASSWORD_RESET.withTimeout(Duration.ofHours(1));
 * }</pre>
 *
 * <p>An immutable value. Two purposes with the same name accept each other's tokens (only the timeout may
 * differ), so an application defining its own must pick a name of its own.
 *
 * <p>Security note: keep timeouts short; a token is a password-equivalent for its purpose until it expires or
 * the user state bound into it changes.
 *
 * @param name the purpose name: 1 to {@value #MAX_NAME_LENGTH} characters, a lower-case ASCII letter and then
 *     lower-case letters, digits, {@code .}, {@code _} or {@code -}
 * @param timeout how long a token stays valid after it is made: positive, whole seconds
 */
public record TokenPurpose(String name, Duration timeout) {
    /** The longest purpose name. */
    public static final int MAX_NAME_LENGTH = 64;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]*");

    /** Proves the user owns the stored email address; valid for 3 days (as Django's reset timeout). */
    public static final TokenPurpose EMAIL_VERIFICATION = new TokenPurpose("email-verification", Duration.ofDays(3));

    /** Lets the user set a new password without the old one; valid for 3 days (Django's default). */
    public static final TokenPurpose PASSWORD_RESET = new TokenPurpose("password-reset", Duration.ofDays(3));

    /**
     * Confirms a change of email address; valid for 1 day. Make it with the new address as the bound value
     * ({@link TokenGenerator#make(io.gatehouse.user.User, TokenPurpose, String)}), so the link cannot be
     * redirected to another address.
     */
    public static final TokenPurpose EMAIL_CHANGE = new TokenPurpose("email-change", Duration.ofDays(1));

    /**
     * Validates the name and timeout.
     *
     * @throws IllegalArgumentException naming {@code name} or {@code timeout} when it breaks a rule
     */
    public TokenPurpose {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_NAME_LENGTH + " characters: a lower-case "
                    + "ASCII letter, then lower-case letters, digits, '.', '_' or '-'; was \"" + name + "\".");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.getNano() != 0) {
            throw new IllegalArgumentException(
                    "timeout must be a positive whole number of seconds, was " + timeout + ".");
        }
    }

    /**
     * The same purpose with another timeout; tokens made under either check under both.
     *
     * @param newTimeout positive, whole seconds
     * @return the purpose with {@code newTimeout}
     * @throws IllegalArgumentException naming {@code timeout} when it is not positive whole seconds
     */
    public TokenPurpose withTimeout(Duration newTimeout) {
        return new TokenPurpose(name, newTimeout);
    }

    /** The key-derivation salt for this purpose's HMACs; the prefix keeps it apart from every other MAC. */
    String salt() {
        return "gatehouse.token." + name;
    }
}
