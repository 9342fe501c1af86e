package io.gatehouse.account;

import io.gatehouse.user.EmailAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code {token}} part of an email-change link: the new address in unpadded base64url, a dot, and the
 * signed token bound to that address. The link has to carry the address, since nothing else stores it until
 * the change is confirmed; the token binds it, so an edited address fails the check.
 *
 * @param newEmail the address the link confirms
 * @param token the signed token
 */
record EmailChangeToken(String newEmail, String token) {
    /** Far above the longest address in base64url plus the longest token. */
    static final int MAX_LENGTH = 1500;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    String format() {
        return ENCODER.encodeToString(newEmail.getBytes(StandardCharsets.UTF_8)) + '.' + token;
    }

    /** Reads the link's part; empty for anything malformed. Never throws. */
    static Optional<EmailChangeToken> parse(@Nullable String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot != text.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encoded = text.substring(0, dot);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!ENCODER.encodeToString(bytes).equals(encoded)) {
            return Optional.empty();
        }
        try {
            String email = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return EmailAddress.isValid(email)
                    ? Optional.of(new EmailChangeToken(email, text.substring(dot + 1)))
                    : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "EmailChangeToken[newEmail=" + newEmail + "]";
    }
}
