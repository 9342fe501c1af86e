package io.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with a purpose-derived key, as Django's {@code salted_hmac}: the key is
 * {@code SHA-256(purpose + secret)} and the MAC covers the message. Deriving a key per purpose means a MAC
 * made for sessions can never be replayed as, say, a password-reset token.
 *
 * <p>Stateless and thread-safe. {@link PurposeMacs} keeps the initialised {@code Mac} of each purpose.
 */
final class Hmacs {
    private Hmacs() {
    }

    static byte[] saltedHmac(String purpose, byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derivedKey(purpose, secret), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide SHA-256 and HmacSHA256, so this is a broken JDK.
            throw new IllegalStateException("This Java runtime lacks SHA-256 or HmacSHA256.", e);
        }
    }

    /** The purpose's key: {@code SHA-256(purpose + secret)}. */
    static byte[] derivedKey(String purpose, byte[] secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(purpose.getBytes(StandardCharsets.UTF_8));
            sha256.update(secret);
            return sha256.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks SHA-256.", e);
        }
    }

    /** Compares two MACs in time that depends only on their lengths, never on where they differ. */
    static boolean constantTimeEquals(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
