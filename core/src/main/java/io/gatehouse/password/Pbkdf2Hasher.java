package io.gatehouse.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Django's {@code pbkdf2_sha256} and {@code pbkdf2_sha1}: {@code <algorithm>$<iterations>$<salt>$<base64>}.
 *
 * <p>PBKDF2 is computed directly with {@link Mac} over the password's exact UTF-8 bytes, as Django does,
 * rather than with {@code SecretKeyFactory}, which takes a {@code char[]} and cannot take an empty password.
 * HMAC pads short keys with zero bytes, so the empty key is the one-byte key {@code {0}}; {@code SecretKeySpec}
 * refuses empty keys, so that is the key used for an empty password. Immutable and thread-safe.
 */
final class Pbkdf2Hasher implements PasswordHasher {

    /**
     * Highest iteration count accepted when verifying, about three seconds of work on a 2024 server core. Django
     * 3.2 writes 260,000, 5.1 writes 870,000 and 5.2 writes 1,000,000; a larger stored value can only be a denial
     * of service.
     */
    static final int MAX_ITERATIONS = 10_000_000;

    /** Django's salt length: 22 characters of {@code [a-zA-Z0-9]}, about 131 bits. */
    private static final int SALT_LENGTH = 22;

    /** Enough digits for {@link #MAX_ITERATIONS}, so parsing never overflows. */
    private static final int MAX_ITERATION_DIGITS = 8;

    private final String algorithm;
    private final String macName;
    private final int digestLength;
    private final int iterations;
    private final SecureRandom random;

    private Pbkdf2Hasher(String algorithm, String macName, int digestLength, int iterations, SecureRandom random) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations is " + iterations + " but must be between 1 and "
                    + MAX_ITERATIONS + "; Django 3.2 writes 260000 and Django 5.2 writes 1000000.");
        }
        this.algorithm = algorithm;
        this.macName = macName;
        this.digestLength = digestLength;
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    static Pbkdf2Hasher sha256(int iterations, SecureRandom random) {
        return new Pbkdf2Hasher("pbkdf2_sha256", "HmacSHA256", 32, iterations, random);
    }

    static Pbkdf2Hasher sha1(int iterations, SecureRandom random) {
        return new Pbkdf2Hasher("pbkdf2_sha1", "HmacSHA1", 20, iterations, random);
    }

    @Override
    public String encode(CharSequence raw) {
        Objects.requireNonNull(raw, "raw");
        byte[] password = RawPasswords.utf8ForEncode(raw);
        String salt = RawPasswords.randomAlphanumeric(random, SALT_LENGTH);
        try {
            byte[] derived = derive(password, salt.getBytes(StandardCharsets.UTF_8), iterations);
            return algorithm + "$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(derived);
        } finally {
            RawPasswords.wipe(password);
        }
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(encoded, "encoded");
        Optional<Parsed> parsed = parse(encoded);
        if (parsed.isEmpty()) {
            return false;
        }
        Optional<byte[]> password = RawPasswords.utf8(raw);
        if (password.isEmpty()) {
            return false;
        }
        try {
            byte[] derived = derive(password.get(), parsed.get().salt(), parsed.get().iterations());
            return MessageDigest.isEqual(derived, parsed.get().hash());
        } finally {
            RawPasswords.wipe(password.get());
        }
    }

    @Override
    public boolean needsRehash(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return parse(encoded).map(p -> p.iterations() != iterations).orElse(true);
    }

    @Override
    public boolean recognizes(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return parse(encoded).isPresent();
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private Optional<Parsed> parse(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(algorithm)) {
            return Optional.empty();
        }
        String count = parts[1];
        // Canonical decimal only: Django re-encodes with int(iterations), so "0260000" never matches there either.
        if (count.isEmpty() || count.length() > MAX_ITERATION_DIGITS || count.charAt(0) == '0'
                || !count.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int iterationCount = Integer.parseInt(count);
        if (iterationCount < 1 || iterationCount > MAX_ITERATIONS || parts[2].isEmpty()) {
            return Optional.empty();
        }
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Django compares the whole encoded string, so only the canonical base64 of the digest can match.
        if (hash.length != digestLength || !Base64.getEncoder().encodeToString(hash).equals(parts[3])) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(iterationCount, parts[2].getBytes(StandardCharsets.UTF_8), hash));
    }

    /** PBKDF2 with dkLen = hLen, so a single block: T = U1 ^ U2 ^ ... ^ Uc, U1 = PRF(P, S || INT(1)). */
    private byte[] derive(byte[] password, byte[] salt, int count) {
        byte[] key = password.length == 0 ? new byte[] {0} : password;
        try {
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(key, macName));
            byte[] u = new byte[digestLength];
            mac.update(salt);
            mac.update(new byte[] {0, 0, 0, 1});
            mac.doFinal(u, 0);
            byte[] t = u.clone();
            for (int i = 1; i < count; i++) {
                mac.update(u);
                mac.doFinal(u, 0);
                for (int j = 0; j < digestLength; j++) {
                    t[j] ^= u[j];
                }
            }
            Arrays.fill(u, (byte) 0);
            return t;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macName + " is missing from this JVM, which every Java SE must provide.", e);
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + algorithm + ", iterations=" + iterations + "]";
    }
}
