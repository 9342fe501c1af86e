package io.gatehouse.session;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored session: what the server knows about one logged-in client.
 *
 * <p>Security note: the store never sees the session id itself, only {@link #idHash()}, its SHA-256.
 * {@link #authHash()} is an HMAC of the user's password hash under the server's secret key.
 * {@link #toString()} leaves both out.
 *
 * @param idHash SHA-256 of the session id, lower-case hex (64 characters)
 * @param userId the logged-in user
 * @param authHash HMAC binding the session to the user's password hash, URL-safe base64
 * @param createdAt when the session started
 * @param lastSeenAt when the session was last used (updated at most once per touch interval)
 * @param expiresAt the absolute expiry
 * @param persistent whether the user chose "remember me" (the cookie outlives the browser)
 * @param attributes small string values the application keeps with the session
 */
public record Session(
        String idHash,
        long userId,
        String authHash,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt,
        boolean persistent,
        Map<String, String> attributes) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException naming the field that breaks a rule
     */
    public Session {
        Objects.requireNonNull(idHash, "idHash");
        if (!isLowerHex64(idHash)) {
            throw new IllegalArgumentException("idHash must be 64 lower-case hex characters (SHA-256).");
        }
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be positive, was " + userId + ".");
        }
        Objects.requireNonNull(authHash, "authHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    /**
     * Tells whether the session has passed its absolute expiry.
     *
     * @param now the current time
     * @return true at or after {@link #expiresAt()}
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Session[userId=" + userId + ", createdAt=" + createdAt + ", lastSeenAt=" + lastSeenAt
                + ", expiresAt=" + expiresAt + ", persistent=" + persistent + ", attributes=" + attributes.keySet()
                + "]";
    }

    private static boolean isLowerHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
