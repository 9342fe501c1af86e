package io.gatehouse.password;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Django's {@code bcrypt_sha256}: bcrypt over the lowercase hex SHA-256 of the password's UTF-8 bytes.
 *
 * <p>Pre-hashing gives bcrypt a 64-byte ASCII input, so passwords longer than bcrypt's 72-byte limit are not
 * truncated and NUL characters are harmless. Immutable and thread-safe.
 */
final class BcryptSha256Hasher implements PasswordHasher {

    static final String PREFIX = "bcrypt_sha256$";

    private final int cost;
    private final SecureRandom random;

    BcryptSha256Hasher(int cost, SecureRandom random) {
        if (cost < Bcrypt.MIN_COST || cost > Bcrypt.MAX_COST) {
            throw new IllegalArgumentException("cost is " + cost + " but bcrypt accepts only "
                    + Bcrypt.MIN_COST + " to " + Bcrypt.MAX_COST + "; choose a cost in that range.");
        }
        this.cost = cost;
        this.random = Objects.requireNonNull(random, "random");
    }

    int cost() {
        return cost;
    }

    @Override
    public String encode(CharSequence raw) {
        Objects.requireNonNull(raw, "raw");
        byte[] bytes = RawPasswords.utf8ForEncode(raw);
        try {
            return PREFIX + Bcrypt.hash(sha256Hex(bytes), cost, random);
        } finally {
            RawPasswords.wipe(bytes);
        }
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(encoded, "encoded");
        if (!recognizes(encoded)) {
            return false;
        }
        Optional<byte[]> bytes = RawPasswords.utf8(raw);
        if (bytes.isEmpty()) {
            return false;
        }
        try {
            return Bcrypt.check(sha256Hex(bytes.get()), encoded.substring(PREFIX.length()));
        } finally {
            RawPasswords.wipe(bytes.get());
        }
    }

    @Override
    public boolean needsRehash(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        OptionalInt stored = storedCost(encoded);
        return stored.isEmpty() || stored.getAsInt() != cost;
    }

    @Override
    public boolean recognizes(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return storedCost(encoded).isPresent();
    }

    private OptionalInt storedCost(String encoded) {
        if (!encoded.startsWith(PREFIX)) {
            return OptionalInt.empty();
        }
        return Bcrypt.cost(encoded.substring(PREFIX.length()), Math.max(cost, Bcrypt.MAX_FOREIGN_COST));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            // Security note: the hex string is immutable and cannot be wiped; it is a SHA-256 digest, not the
            // password, and lives only until the next collection.
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which every Java SE must provide.", e);
        }
    }

    @Override
    public String toString() {
        return "PasswordHasher[bcrypt_sha256, cost=" + cost + "]";
    }
}
