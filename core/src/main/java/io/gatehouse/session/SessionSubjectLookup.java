package io.gatehouse.session;

import io.gatehouse.permission.PermissionStore;
import io.gatehouse.user.UserStore;
import java.util.Optional;

/**
 * Port for the request path: a session with its user and permissions, in one call, so that a SQL store can
 * answer it in one round trip. The JDBC store provides a one-query implementation;
 * {@link #fromStores} composes the three store ports for everything else.
 *
 * <p>Implementations are thread-safe, apply no expiry or password checks (that is
 * {@link SessionManager#resolve}'s job) and never create anything.
 */
public interface SessionSubjectLookup {
    /**
     * Loads a session with its user and the user's granted permissions.
     *
     * @param idHash SHA-256 of the session id, lower-case hex
     * @return the view, or empty when there is no such session or its user no longer exists (an
     *     implementation may delete such an orphaned session)
     */
    Optional<SessionView> find(String idHash);

    /**
     * A lookup that asks each store in turn: up to three calls per request. It deletes a session whose
     * user is gone.
     *
     * @param sessions where sessions live
     * @param users where users live
     * @param permissions where grants live
     * @return the lookup
     */
    static SessionSubjectLookup fromStores(SessionStore sessions, UserStore users, PermissionStore permissions) {
        return new StoreSessionSubjectLookup(sessions, users, permissions);
    }
}
