package io.gatehouse.token;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.user.User;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes and checks one-time tokens for links such as password reset and email verification (Django's
 * {@code PasswordResetTokenGenerator}, generalised to several {@linkplain TokenPurpose purposes}).
 *
 * <pre>{@code
 * TokenGenerator tokens = TokenGenerator.create(keys, clock);
 * String token = tokens.make(user, TokenPurpose.PASSWORD_RESET);
 * String link = baseUrl + "/reset/" + UserIdCodec.encode(user.id()) + "/" + token;
 * // ... later, with the user loaded by the decoded id:
 * if (tokens.check(user, TokenPurpose.PASSWORD_RESET, token)) { ... }
 * }</pre>
 *
 * <p>A token is {@code <timestamp>-<mac>}: the creation time in epoch seconds as base36, a {@code -}, and the
 * full 32-byte HMAC-SHA256 as unpadded base64url; about 50 characters, never more than
 * {@value #MAX_TOKEN_LENGTH}, using only {@code [A-Za-z0-9_-]}. The MAC is made under the current secret of
 * the {@link SecretKeyRing}, with a key derived from the purpose name, over the user id, the timestamp, the
 * password hash, the last login (to the second), the email address exactly as stored, the verified and active
 * flags, and the optional bound value.
 *
 * <p>A token checks when its purpose, user, bound value and all that user state are unchanged, its MAC
 * verifies under the current secret or a fallback, and it is no older than the purpose's timeout (a token
 * exactly that old still checks) and not from the future. So it works once: verifying the address flips the
 * verified flag, resetting the password changes the hash, and logging in changes the last login, each of
 * which ends the token, as do deactivation and a change of address (even of letter case only).
 *
 * <p>{@code check} never throws for a token or bound value: a {@code null}, over-long, malformed, expired or
 * forged one is just {@code false}. A {@code null} user or purpose is a programmer error
 * ({@link NullPointerException}).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Security note: the MAC is compared in constant time over every secret in the ring, and input longer
 * than {@value #MAX_TOKEN_LENGTH} characters is refused before it is read. A token grants its purpose to
 * whoever holds it until it expires or the bound state changes: send it only to the stored address, build
 * links from a configured base URL, and never log it. {@link #toString()} shows no key material.
 */
public final class TokenGenerator {
    /** The longest token {@link #check} will read; longer input is invalid without parsing. */
    public static final int MAX_TOKEN_LENGTH = TokenText.MAX_LENGTH;

    /** The longest bound value, in characters; enough for any email address or URL path. */
    public static final int MAX_BOUND_VALUE_LENGTH = 1024;

    // Bumped if the message layout below ever changes, so old and new tokens can never be confused.
    private static final byte FORMAT_VERSION = 1;

    private final SecretKeyRing keys;
    private final Clock clock;

    private TokenGenerator(SecretKeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * A generator signing under a key ring and reading the time from a clock.
     *
     * @param keys the secrets; tokens made under a secret check while it is current or a fallback
     * @param clock the time source for timestamps and expiry
     * @return the generator
     */
    public static TokenGenerator create(SecretKeyRing keys, Clock clock) {
        return new TokenGenerator(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Makes a token for a user and purpose, with no bound value.
     *
     * @param user the user the token acts for
     * @param purpose what the token is for
     * @return the token, URL-safe
     * @throws IllegalStateException when the clock reads before 1970
     */
    public String make(User user, TokenPurpose purpose) {
        return makeToken(user, purpose, null);
    }

    /**
     * Makes a token that checks only together with exactly the given value, for example the new address of an
     * email change: the link carries the value, and a link edited to carry another one fails.
     *
     * <p>Security note: bind whatever the caller will act on when the link is followed; a value the link
     * carries but the token does not bind can be swapped by whoever holds the link.
     *
     * @param user the user the token acts for
     * @param purpose what the token is for
     * @param boundValue the value to bind, compared exactly (no case folding); at most
     *     {@value #MAX_BOUND_VALUE_LENGTH} characters
     * @return the token, URL-safe
     * @throws IllegalArgumentException naming {@code boundValue} when it is too long
     * @throws IllegalStateException when the clock reads before 1970
     */
    public String make(User user, TokenPurpose purpose, String boundValue) {
        Objects.requireNonNull(boundValue, "boundValue");
        if (boundValue.length() > MAX_BOUND_VALUE_LENGTH) {
            throw new IllegalArgumentException("boundValue must be at most " + MAX_BOUND_VALUE_LENGTH
                    + " characters long, was " + boundValue.length() + ".");
        }
        return makeToken(user, purpose, boundValue);
    }

    /**
     * Checks a token made by {@link #make(User, TokenPurpose)}.
     *
     * <p>Security note: load the user afresh from the store first; checking against a cached copy would miss
     * the state change that ended the token. Checking does not use the token up: the caller's state change
     * (new password, verified flag, login) does.
     *
     * @param user the user, freshly loaded from the store
     * @param purpose the purpose the caller is about to act on
     * @param token the token from the link; any string, or {@code null}
     * @return true only when the token is valid for this user, purpose and moment; never throws for the token
     */
    public boolean check(User user, TokenPurpose purpose, @Nullable String token) {
        return verify(user, purpose, null, token);
    }

    /**
     * Checks a token made by {@link #make(User, TokenPurpose, String)} with the same bound value.
     *
     * <p>Security note: the value is compared exactly, inside the MAC; act only on the value passed here, never
     * on another copy from the request.
     *
     * @param user the user, freshly loaded from the store
     * @param purpose the purpose the caller is about to act on
     * @param boundValue the value from the link that the caller is about to act on; any string, or {@code null}
     * @param token the token from the link; any string, or {@code null}
     * @return true only when the token is valid for this user, purpose, value and moment; never throws for the
     *     token or the value
     */
    public boolean check(User user, TokenPurpose purpose, @Nullable String boundValue, @Nullable String token) {
        if (boundValue == null || boundValue.length() > MAX_BOUND_VALUE_LENGTH) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(purpose, "purpose");
            return false;
        }
        return verify(user, purpose, boundValue, token);
    }

    @Override
    public String toString() {
        return "TokenGenerator[keys=" + keys + ", clock=" + clock + "]";
    }

    private String makeToken(User user, TokenPurpose purpose, @Nullable String boundValue) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(purpose, "purpose");
        long now = clock.instant().getEpochSecond();
        if (now < 0) {
            throw new IllegalStateException("The clock reads " + clock.instant()
                    + ", before 1970; tokens need a correct clock.");
        }
        byte[] mac = keys.sign(purpose.salt(), message(user, now, boundValue));
        return new TokenText(now, mac).format();
    }

    private boolean verify(User user, TokenPurpose purpose, @Nullable String boundValue, @Nullable String token) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(purpose, "purpose");
        Optional<TokenText> parsed = TokenText.parse(token);
        if (parsed.isEmpty()) {
            return false;
        }
        long timestamp = parsed.get().timestamp();
        long now = clock.instant().getEpochSecond();
        // Whole seconds on both sides, as Django: a token exactly `timeout` old is valid, one second more is not.
        if (timestamp > now || now - timestamp > purpose.timeout().getSeconds()) {
            return false;
        }
        return keys.verify(purpose.salt(), message(user, timestamp, boundValue), parsed.get().mac());
    }

    /**
     * The bytes the MAC covers. Every field has a fixed size or a length prefix, so no two different sets of
     * values give the same bytes (Django's plain concatenation could, in principle).
     */
    private static byte[] message(User user, long timestamp, @Nullable String boundValue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(FORMAT_VERSION);
        writeLong(out, user.id());
        writeLong(out, timestamp);
        writeString(out, user.passwordHash());
        // Seconds only, as Django: stores may keep fewer fractional digits than the Instant that was signed.
        Instant lastLogin = user.lastLogin();
        out.write(lastLogin == null ? 0 : 1);
        writeLong(out, lastLogin == null ? 0 : lastLogin.getEpochSecond());
        writeString(out, user.email());
        out.write(user.emailVerified() ? 1 : 0);
        out.write(user.active() ? 1 : 0);
        out.write(boundValue == null ? 0 : 1);
        writeString(out, boundValue == null ? "" : boundValue);
        return out.toByteArray();
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
