package io.gatehouse.session;

import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import java.util.Objects;

/**
 * The outcome of {@link SessionManager#resolve} for a live session: the session, and the {@link Subject} the
 * request acts as.
 *
 * <p>Security note: {@link #toString()} shows neither the session's hashes nor the password hash.
 *
 * @param session the session, with its last-seen time as now stored
 * @param subject the session's user with its granted permissions
 */
public record ResolvedSession(Session session, Subject subject) {
    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when the subject is anonymous or another user than the session's
     */
    public ResolvedSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(subject, "subject");
        if (subject.user().map(User::id).orElse(0L) != session.userId()) {
            throw new IllegalArgumentException("subject must be the session's user.");
        }
    }

    /**
     * The logged-in user.
     *
     * @return the user, as loaded for this request
     */
    public User user() {
        return subject.user().orElseThrow();
    }

    @Override
    public String toString() {
        return "ResolvedSession[session=" + session + ", subject=" + subject + "]";
    }
}
