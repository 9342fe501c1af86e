package io.gatehouse.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Puts a user id in a link and reads it back, as Django's {@code urlsafe_base64_encode(force_bytes(pk))}: the
 * decimal id in unpadded base64url, so user 1 is {@code MQ}. Links made by a Django site for integer
 * primary keys decode here unchanged.
 *
 * <pre>{@code
 * String uid = UserIdCodec.encode(user.id());
 * Optional<Long> id = UserIdCodec.decode(uidFromLink);
 * }</pre>
 *
 * <p>Thread-safe; all methods are static and pure. Decoding never throws: anything that is not exactly what
 * {@link #encode} produces for some positive id is empty.
 *
 * <p>Security note: the encoded id is not secret and not signed; it only says which user to load. The token
 * beside it in the link is what proves anything, so always check that token against the loaded user.
 */
public final class UserIdCodec {
    /** The longest encoded id: {@link Long#MAX_VALUE} has 19 digits, which encode to 26 characters. */
    public static final int MAX_ENCODED_LENGTH = 26;

    private static final int MAX_DIGITS = 19;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private UserIdCodec() {
    }

    /**
     * Encodes a user id for a link.
     *
     * @param id a positive user id
     * @return the id's decimal digits in unpadded base64url
     * @throws IllegalArgumentException naming {@code id} when it is not positive
     */
    public static String encode(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, was " + id + ".");
        }
        return ENCODER.encodeToString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Decodes a user id from a link.
     *
     * @param encoded the text from the link; any string, or {@code null}
     * @return the positive id, or empty when the text is not exactly an {@link #encode encoded} id
     */
    public static Optional<Long> decode(@Nullable String encoded) {
        // A remainder of 1 character is never valid base64, and the decoder would throw on it.
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH
                || encoded.length() % 4 == 1 || !TokenText.isBase64Url(encoded)) {
            return Optional.empty();
        }
        byte[] digits = DECODER.decode(encoded);
        // Unused low bits in the last character would let several spellings decode alike; allow only one.
        if (!ENCODER.encodeToString(digits).equals(encoded)) {
            return Optional.empty();
        }
        return parsePositive(digits);
    }

    private static Optional<Long> parsePositive(byte[] digits) {
        if (digits.length == 0 || digits.length > MAX_DIGITS || digits[0] == '0') {
            return Optional.empty();
        }
        long value = 0;
        for (byte b : digits) {
            if (b < '0' || b > '9') {
                return Optional.empty();
            }
            int digit = b - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return Optional.empty();
            }
            value = value * 10 + digit;
        }
        return Optional.of(value);
    }
}
