package io.gatehouse.token;

import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The text form of a token, {@code <timestamp>-<mac>}: the timestamp in epoch seconds as lower-case base36
 * without leading zeros, then the 32-byte HMAC as unpadded base64url (43 characters). Parsing is strict, so
 * each (timestamp, MAC) pair has exactly one spelling, and total: any string parses or is empty, never throws.
 */
record TokenText(long timestamp, byte[] mac) {
    static final int MAC_BYTES = 32;
    static final int MAC_CHARS = 43;
    // 36^12 > 4.7e18 seconds: far past any clock, and 12 base36 digits cannot overflow a long.
    static final int MAX_TIMESTAMP_CHARS = 12;
    static final int MAX_LENGTH = MAX_TIMESTAMP_CHARS + 1 + MAC_CHARS;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String format() {
        return Long.toString(timestamp, 36) + '-' + ENCODER.encodeToString(mac);
    }

    static Optional<TokenText> parse(@Nullable String token) {
        // The length check comes first so that a huge input costs nothing more than reading its length.
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        // Base36 has no '-', so the first one ends the timestamp; base64url may hold more '-' in the MAC.
        int dash = token.indexOf('-');
        if (dash < 1 || dash > MAX_TIMESTAMP_CHARS || token.length() - dash - 1 != MAC_CHARS) {
            return Optional.empty();
        }
        long timestamp = parseBase36(token, dash);
        String macText = token.substring(dash + 1);
        if (timestamp < 0 || !isBase64Url(macText)) {
            return Optional.empty();
        }
        byte[] mac = DECODER.decode(macText);
        // The decoder ignores the unused low bits of the last character; re-encoding refuses a variant spelling.
        if (!ENCODER.encodeToString(mac).equals(macText)) {
            return Optional.empty();
        }
        return Optional.of(new TokenText(timestamp, mac));
    }

    /** Parses {@code token[0, end)} as canonical base36, or returns -1. Long.parseLong would accept signs,
     *  upper case and non-ASCII digits, so the digits are read here. */
    private static long parseBase36(String token, int end) {
        if (token.charAt(0) == '0' && end > 1) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'z') {
                digit = c - 'a' + 10;
            } else {
                return -1;
            }
            value = value * 36 + digit;
        }
        return value;
    }

    static boolean isBase64Url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
