package io.gatehouse.servlet;

import io.gatehouse.permission.Subject;
import org.jspecify.annotations.Nullable;

/**
 * What Gatehouse knows about one request, kept in a request attribute: the subject resolved from the session
 * cookie (once per request, whatever the number of dispatches), the cookie values it came from, and whether
 * the request passed the CSRF check. Request-scoped, so not thread-safe.
 *
 * <p>Security note: holds the raw session id; {@link #toString()} leaves it out, and the type is not public.
 */
final class RequestState {
    static final String ATTRIBUTE = RequestState.class.getName();

    private final Subject subject;
    private final @Nullable String presentedSessionCookie;
    private @Nullable String liveSessionId;
    private @Nullable String csrfCookie;
    private boolean csrfVerified;

    RequestState(Subject subject, @Nullable String presentedSessionCookie, @Nullable String csrfCookie) {
        this.subject = subject;
        this.presentedSessionCookie = presentedSessionCookie;
        this.liveSessionId = subject.isAuthenticated() ? presentedSessionCookie : null;
        this.csrfCookie = csrfCookie;
    }

    /** Who the request acts as, as resolved when it arrived. */
    Subject subject() {
        return subject;
    }

    /** The session cookie as the client sent it, live or not; what a login replaces. */
    @Nullable String presentedSessionCookie() {
        return presentedSessionCookie;
    }

    /**
     * The id of the live session this request now belongs to: the presented one when it resolved, or the one
     * a login or password change during this request issued; null when anonymous or after a logout.
     */
    @Nullable String liveSessionId() {
        return liveSessionId;
    }

    void sessionIssued(String id) {
        liveSessionId = id;
        csrfVerified = false;
    }

    void sessionEnded() {
        liveSessionId = null;
        csrfVerified = false;
    }

    /** The anonymous CSRF cookie: as sent, or as issued during this request. */
    @Nullable String csrfCookie() {
        return csrfCookie;
    }

    void csrfCookieIssued(String value) {
        csrfCookie = value;
    }

    boolean csrfVerified() {
        return csrfVerified;
    }

    void markCsrfVerified() {
        csrfVerified = true;
    }

    @Override
    public String toString() {
        return "RequestState[subject=" + subject + ", sessionCookie=" + (presentedSessionCookie != null)
                + ", csrfVerified=" + csrfVerified + "]";
    }
}
