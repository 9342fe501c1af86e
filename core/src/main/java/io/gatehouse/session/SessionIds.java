package io.gatehouse.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Raw session ids: 256 random bits as URL-safe base64 without padding (43 characters), and the SHA-256 hex
 * the store keys sessions by.
 *
 * <p>Security note: a raw id exists only in the cookie and in {@link NewSession#id()}; everything else sees
 * {@link #hash}.
 */
final class SessionIds {
    static final int RANDOM_BYTES = 32;
    static final int LENGTH = 43;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private SessionIds() {
    }

    static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Tells whether a value could be an id we issued, so that junk from a cookie never reaches the store.
     * The last character must also be one that 256 bits can end with, so each id has exactly one spelling.
     */
    static boolean isWellFormed(@Nullable String raw) {
        if (raw == null || raw.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(raw.charAt(i)) < 0) {
                return false;
            }
        }
        // 43 characters carry 258 bits: the last one holds 4 data bits and 2 zero bits.
        return (ALPHABET.indexOf(raw.charAt(LENGTH - 1)) & 0b11) == 0;
    }

    static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime lacks SHA-256.", e);
        }
    }
}
