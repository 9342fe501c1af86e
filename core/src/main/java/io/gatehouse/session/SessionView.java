package io.gatehouse.session;

import io.gatehouse.permission.Permission;
import io.gatehouse.user.User;
import java.util.Objects;
import java.util.Set;

/**
 * What one {@link SessionSubjectLookup#find} call loads for a request: the stored session, its user, and the
 * permissions granted to that user (directly and through groups, regardless of the user's flags).
 *
 * <p>Security note: {@link #toString()} shows neither the session's hashes nor the password hash.
 *
 * @param session the stored session, expired or not
 * @param user the session's user
 * @param permissions the user's granted permissions
 */
public record SessionView(Session session, User user, Set<Permission> permissions) {
    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when the user is not the session's user
     */
    public SessionView {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        permissions = Set.copyOf(Objects.requireNonNull(permissions, "permissions"));
        if (user.id() != session.userId()) {
            throw new IllegalArgumentException("user.id (" + user.id() + ") must equal session.userId ("
                    + session.userId() + ").");
        }
    }
}
