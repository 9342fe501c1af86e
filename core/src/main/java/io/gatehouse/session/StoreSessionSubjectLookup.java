package io.gatehouse.session;

import io.gatehouse.permission.PermissionStore;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link SessionSubjectLookup#fromStores}: session, then user, then grants (skipped for inactive users). */
final class StoreSessionSubjectLookup implements SessionSubjectLookup {
    private final SessionStore sessions;
    private final UserStore users;
    private final PermissionStore permissions;

    StoreSessionSubjectLookup(SessionStore sessions, UserStore users, PermissionStore permissions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.users = Objects.requireNonNull(users, "users");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
    }

    @Override
    public Optional<SessionView> find(String idHash) {
        Optional<Session> session = sessions.find(idHash);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = users.findById(session.get().userId());
        if (user.isEmpty()) {
            // A SQL store's foreign key cascades; here the orphan would otherwise linger until it expires.
            sessions.delete(idHash);
            return Optional.empty();
        }
        // An inactive user's session is about to be ended, and Subject grants it nothing anyway.
        return Optional.of(new SessionView(session.get(), user.get(),
                user.get().active() ? permissions.grantedPermissions(user.get().id()) : Set.of()));
    }
}
