package io.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server's secrets: one current secret that signs, plus fallbacks that still verify while keys rotate
 * (Django's {@code SECRET_KEY} and {@code SECRET_KEY_FALLBACKS}).
 *
 * <pre>{@code
 * SecretKeyRing keys = SecretKeyRing.fromBase64(System.getenv("GATEHOUSE_SECRET_KEY"));
 * byte[] mac = keys.sign("gatehouse.session.auth", message);
 * boolean ok = keys.verify("gatehouse.session.auth", message, mac);
 * }</pre>
 *
 * <p>To rotate: make the new secret current and move the old one to the fallbacks; once everything signed
 * under the old secret has expired (sessions: the session lifetime; tokens: their timeout), drop it.
 *
 * <p>Every factory refuses a weak secret with an {@link IllegalArgumentException} naming the field
 * ({@code current} or {@code fallbacks[i]}) and the fix. A secret is weak when it is missing or empty,
 * shorter than {@value #MIN_SECRET_BYTES} bytes, made of fewer than {@value #MIN_DISTINCT_BYTES} distinct
 * byte values (e.g. all one byte), or a well-known sample: it starts with Django's {@code django-insecure-}
 * or contains, ignoring case, one of {@code changeme}, {@code change-me}, {@code change_me},
 * {@code changethis}, {@code replaceme}, {@code replace-me}, {@code secret-key}, {@code secret_key},
 * {@code secretkey}, {@code insecure}, {@code not-secret}, {@code notsecret}, {@code placeholder},
 * {@code example}, {@code do-not-use}. Secrets written in this project's README and docs must contain one
 * of these words so that copying them into production fails at start-up.
 *
 * <p>Immutable and thread-safe. Security note: the secrets are copied in and never leave; {@link #toString()}
 * shows only how many there are.
 */
public final class SecretKeyRing {
    /** The shortest secret accepted, in bytes. */
    public static final int MIN_SECRET_BYTES = 32;

    /** A secret with fewer distinct byte values than this is refused as repetitive. */
    public static final int MIN_DISTINCT_BYTES = 5;

    private static final String FIX = " Generate one with: openssl rand -base64 48";
    private static final List<String> SAMPLE_WORDS = List.of("changeme", "change-me", "change_me",
            "changethis", "replaceme", "replace-me", "secret-key", "secret_key", "secretkey", "insecure",
            "not-secret", "notsecret", "placeholder", "example", "do-not-use");

    private final PurposeMacs currentMacs;
    private final List<PurposeMacs> fallbackMacs;

    private SecretKeyRing(byte[] current, List<byte[]> fallbacks) {
        this.currentMacs = new PurposeMacs(current);
        this.fallbackMacs = fallbacks.stream().map(PurposeMacs::new).toList();
    }

    /**
     * A ring from raw secrets.
     *
     * @param current the secret that signs
     * @param fallbacks older secrets still accepted when verifying, newest first
     * @return the ring; the arrays are copied
     * @throws IllegalArgumentException naming {@code current} or {@code fallbacks[i]} when a secret is
     *     missing or weak (see the class description)
     */
    public static SecretKeyRing of(byte @Nullable [] current, byte @Nullable []... fallbacks) {
        Objects.requireNonNull(fallbacks, "fallbacks");
        byte[] checkedCurrent = checked("current", current);
        List<byte[]> checkedFallbacks = new ArrayList<>(fallbacks.length);
        for (int i = 0; i < fallbacks.length; i++) {
            checkedFallbacks.add(checked("fallbacks[" + i + "]", fallbacks[i]));
        }
        return new SecretKeyRing(checkedCurrent, List.copyOf(checkedFallbacks));
    }

    /**
     * A ring from secrets given as text, such as environment variables; each is encoded as UTF-8.
     *
     * @param current the secret that signs
     * @param fallbacks older secrets still accepted when verifying
     * @return the ring
     * @throws IllegalArgumentException as {@link #of(byte[], byte[]...)}
     */
    public static SecretKeyRing fromStrings(@Nullable String current, @Nullable String... fallbacks) {
        Objects.requireNonNull(fallbacks, "fallbacks");
        byte[][] raw = new byte[fallbacks.length][];
        for (int i = 0; i < fallbacks.length; i++) {
            raw[i] = utf8(fallbacks[i]);
        }
        return of(utf8(current), raw);
    }

    /**
     * A ring from secrets in standard base64, as printed by {@code openssl rand -base64 48}; the decoded
     * bytes are the secrets.
     *
     * @param current the secret that signs
     * @param fallbacks older secrets still accepted when verifying
     * @return the ring
     * @throws IllegalArgumentException naming the field when a value is not base64, and as
     *     {@link #of(byte[], byte[]...)}
     */
    public static SecretKeyRing fromBase64(@Nullable String current, @Nullable String... fallbacks) {
        Objects.requireNonNull(fallbacks, "fallbacks");
        byte[][] raw = new byte[fallbacks.length][];
        for (int i = 0; i < fallbacks.length; i++) {
            raw[i] = base64("fallbacks[" + i + "]", fallbacks[i]);
        }
        return of(base64("current", current), raw);
    }

    /**
     * A ring with one fresh random 48-byte secret, for tests and demos: every restart invalidates what the
     * previous one signed.
     *
     * @param random the source of randomness
     * @return the ring
     */
    public static SecretKeyRing generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        while (true) {
            byte[] secret = new byte[48];
            random.nextBytes(secret);
            // A weak draw is astronomically unlikely, but a predictable test RNG could produce one.
            if (weakness(secret) == null) {
                return new SecretKeyRing(secret, List.of());
            }
        }
    }

    /**
     * Signs a message under the current secret with a key derived from the purpose.
     *
     * @param purpose what the MAC is for, e.g. {@code "gatehouse.session.auth"}; not blank
     * @param message the bytes to sign
     * @return the 32-byte HMAC-SHA256
     * @throws IllegalArgumentException when the purpose is blank
     */
    public byte[] sign(String purpose, byte[] message) {
        checkPurpose(purpose);
        Objects.requireNonNull(message, "message");
        return currentMacs.mac(purpose, message);
    }

    /**
     * Tells whether a MAC was made by {@link #sign} for this purpose and message under the current secret or
     * any fallback. Never throws for a malformed MAC: a wrong length is simply false.
     *
     * <p>Security note: each comparison is constant-time, and every secret is tried whatever the outcome,
     * so the time taken does not reveal which secret matched or where a guess went wrong.
     *
     * @param purpose the purpose the MAC was made for
     * @param message the message
     * @param mac the MAC to check
     * @return true when it matches under some secret of the ring
     */
    public boolean verify(String purpose, byte[] message, byte[] mac) {
        checkPurpose(purpose);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(mac, "mac");
        boolean matched = Hmacs.constantTimeEquals(currentMacs.mac(purpose, message), mac);
        for (PurposeMacs fallback : fallbackMacs) {
            matched |= Hmacs.constantTimeEquals(fallback.mac(purpose, message), mac);
        }
        return matched;
    }

    /**
     * How many fallback secrets the ring holds.
     *
     * @return zero or more
     */
    public int fallbackCount() {
        return fallbackMacs.size();
    }

    @Override
    public String toString() {
        return "SecretKeyRing[current=1, fallbacks=" + fallbackMacs.size() + "]";
    }

    private static void checkPurpose(String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        if (purpose.isBlank()) {
            throw new IllegalArgumentException("purpose must not be blank; name what the MAC is for.");
        }
    }

    private static byte[] checked(String field, byte @Nullable [] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException(field + " secret is missing or empty." + FIX);
        }
        String weakness = weakness(secret);
        if (weakness != null) {
            throw new IllegalArgumentException(field + " secret is too weak: " + weakness + "." + FIX);
        }
        return secret.clone();
    }

    private static @Nullable String weakness(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            return "it has " + secret.length + " bytes, and at least " + MIN_SECRET_BYTES + " are required";
        }
        if (distinctBytes(secret) < MIN_DISTINCT_BYTES) {
            return "it repeats fewer than " + MIN_DISTINCT_BYTES + " distinct byte values";
        }
        String text = new String(secret, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (text.startsWith("django-insecure-")) {
            return "it is a Django development key (django-insecure-...)";
        }
        for (String word : SAMPLE_WORDS) {
            if (text.contains(word)) {
                return "it looks like a sample value (contains \"" + word + "\")";
            }
        }
        return null;
    }

    private static int distinctBytes(byte[] secret) {
        boolean[] seen = new boolean[256];
        int distinct = 0;
        for (byte b : secret) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                distinct++;
            }
        }
        return distinct;
    }

    private static byte @Nullable [] utf8(@Nullable String secret) {
        return secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte @Nullable [] base64(String field, @Nullable String secret) {
        if (secret == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(secret.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character of the secret, so it is not chained.
            throw new IllegalArgumentException(field + " secret is not valid base64." + FIX);
        }
    }
}
