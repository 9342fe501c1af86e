package io.gatehouse.session;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.user.User;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@link Session#authHash()} binding a session to its user's password hash (Django's
 * {@code get_session_auth_hash}): an HMAC under the key ring, so changing the password, or dropping the key it
 * was signed under, ends the session.
 */
final class AuthHashes {
    static final String PURPOSE = "gatehouse.session.auth";

    private AuthHashes() {
    }

    static String sign(SecretKeyRing keys, User user) {
        byte[] mac = keys.sign(PURPOSE, user.passwordHash().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** True when the session's auth hash matches the user's current password hash under any key of the ring. */
    static boolean matches(SecretKeyRing keys, Session session, User user) {
        byte[] mac;
        try {
            mac = Base64.getUrlDecoder().decode(session.authHash());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return keys.verify(PURPOSE, user.passwordHash().getBytes(StandardCharsets.UTF_8), mac);
    }
}
