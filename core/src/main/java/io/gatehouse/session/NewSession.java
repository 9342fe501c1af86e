package io.gatehouse.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session just started or re-bound: the raw id to put in the client's cookie, and the stored session.
 *
 * <pre>{@code
 * NewSession started = sessions.start(user, rememberMe, cookieValueOrNull);
 * response.addCookie(cookie("sessionid", started.id(), started.cookieMaxAge()));
 * }</pre>
 *
 * <p>Security note: {@link #id()} is the only place the raw session id ever exists on the server. Send it to
 * the client (a {@code Secure; HttpOnly; SameSite=Lax} cookie) and drop it; never log or store it.
 * {@link #toString()} leaves it out.
 *
 * @param id the raw session id for the cookie, 43 URL-safe base64 characters
 * @param session the stored session
 * @param issuedAt when the id was issued; with the session's expiry it gives the cookie's Max-Age
 */
public record NewSession(String id, Session session, Instant issuedAt) {
    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when the id is malformed, does not hash to the session's id hash, or
     *     the session expires before it is issued
     */
    public NewSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (!SessionIds.isWellFormed(id) || !SessionIds.hash(id).equals(session.idHash())) {
            throw new IllegalArgumentException("id must be a session id whose SHA-256 is session.idHash.");
        }
        if (!issuedAt.isBefore(session.expiresAt())) {
            throw new IllegalArgumentException("issuedAt must be before session.expiresAt.");
        }
    }

    /**
     * The cookie's Max-Age: present for a "remember me" session (the time left until its absolute expiry),
     * empty for a browser-session cookie that the browser drops when it closes.
     *
     * @return the Max-Age, or empty
     */
    public Optional<Duration> cookieMaxAge() {
        return session.persistent() ? Optional.of(Duration.between(issuedAt, session.expiresAt())) : Optional.empty();
    }

    @Override
    public String toString() {
        return "NewSession[session=" + session + ", cookieMaxAge=" + cookieMaxAge() + "]";
    }
}
