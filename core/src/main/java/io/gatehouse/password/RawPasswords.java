package io.gatehouse.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/** Shared handling of raw password input: length bound, exact UTF-8 bytes, zeroing, random salts. */
final class RawPasswords {

    /**
     * Longest raw password, in UTF-16 units, that any hasher will encode or check. The login path caps
     * passwords at 128 code points long before this; the bound exists so that a caller that forgets cannot
     * make one request hash megabytes.
     */
    static final int MAX_LENGTH = 4096;

    private static final char[] ALPHANUMERIC =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private RawPasswords() {
    }

    /** Returns the exact UTF-8 bytes of {@code raw}, or empty if it is too long or has no UTF-8 form. */
    static Optional<byte[]> utf8(CharSequence raw) {
        if (raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        ByteBuffer buffer;
        try {
            // REPORT (not the String.getBytes default of REPLACE): a lone surrogate must not become '?',
            // which would let two different inputs share one hash.
            buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(raw));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.arrayOffset(), buffer.arrayOffset() + buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return Optional.of(bytes);
    }

    /** Like {@link #utf8} for encoding, where bad input is the caller's error. */
    static byte[] utf8ForEncode(CharSequence raw) {
        if (raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("raw is " + raw.length() + " characters long; passwords longer than "
                    + MAX_LENGTH + " characters are refused. Cap password length before hashing.");
        }
        return utf8(raw).orElseThrow(() -> new IllegalArgumentException(
                "raw contains an unpaired surrogate and has no UTF-8 form; pass well-formed text."));
    }

    /** Overwrites password material that is no longer needed. */
    static void wipe(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0);
    }

    /** Returns {@code length} random characters from {@code [a-zA-Z0-9]}, the alphabet Django uses for salts. */
    static String randomAlphanumeric(SecureRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }
}
