package io.gatehouse.permission;

import io.gatehouse.user.User;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Answers what a user may do, applying Django's {@code ModelBackend} rules to the grants in a
 * {@link PermissionStore}: an inactive user has no permission; an active superuser has every permission
 * without grants; any other active user has the union of its direct and group grants.
 *
 * <p>Each question costs at most one store call ({@link PermissionStore#grantedPermissions(long)}); to ask
 * several about one request, take a {@link Subject} once with {@link #subjectOf(User)} and ask it, which
 * costs nothing more. Thread-safe and immutable; it caches nothing, so a revoked grant counts from the
 * next call on.
 *
 * <pre>{@code
 * Authorizer authorizer = new Authorizer(store);
 * authorizer.registerResource("blog", "post");
 * if (authorizer.hasPerm(user, Permission.of("blog.change_post"))) { ... }
 * }</pre>
 *
 * <p>Security note: the answers depend on the {@link User} value passed in. Pass one freshly loaded for the
 * request, not one cached across requests, so that deactivating an account or clearing its superuser flag
 * takes effect at once.
 */
public final class Authorizer {
    private final PermissionStore store;

    /**
     * Creates an authorizer over a store.
     *
     * @param store where permissions and grants live
     */
    public Authorizer(PermissionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Registers the four default permissions of a resource (add, change, delete, view) so they can be granted.
     * Registering a resource twice is harmless.
     *
     * @param app the app label, e.g. {@code blog}
     * @param resource the resource name, e.g. {@code post}
     * @return the permissions, in the order of {@link Permission#DEFAULT_ACTIONS}
     * @throws io.gatehouse.InvalidInputException naming {@code permission} when the names are malformed
     */
    public List<Permission> registerResource(String app, String resource) {
        List<Permission> defaults = Permission.defaultsFor(app, resource);
        store.register(defaults);
        return defaults;
    }

    /**
     * The subject a request by this user acts as, with its grants loaded in one store call. An inactive user's
     * grants are not loaded at all, since they would not count.
     *
     * @param user the user, as loaded for this request
     * @return the subject
     */
    public Subject subjectOf(User user) {
        Objects.requireNonNull(user, "user");
        if (!user.active()) {
            return Subject.of(user, Set.of());
        }
        return Subject.of(user, store.grantedPermissions(user.id()));
    }

    /**
     * Tells whether a user has a permission.
     *
     * @param user the user
     * @param permission the permission; for an active superuser it need not even be registered
     * @return true for an active superuser, or an active user holding the grant directly or through a group
     */
    public boolean hasPerm(User user, Permission permission) {
        Objects.requireNonNull(permission, "permission");
        return subjectOf(user).hasPerm(permission);
    }

    /**
     * Tells whether a user has every one of the permissions.
     *
     * @param user the user
     * @param permissions the permissions; an empty collection is satisfied by any active user
     * @return true when each is held
     */
    public boolean hasPerms(User user, Collection<Permission> permissions) {
        List<Permission> wanted = List.copyOf(permissions);
        return subjectOf(user).hasPerms(wanted);
    }

    /**
     * Tells whether a user has any permission in an app, as the admin index does to decide which apps to show.
     *
     * @param user the user
     * @param app the app label, e.g. {@code blog}
     * @return true for an active superuser, or an active user with at least one grant in the app
     */
    public boolean hasModulePerms(User user, String app) {
        Objects.requireNonNull(app, "app");
        return subjectOf(user).hasModulePerms(app);
    }

    /**
     * The user's effective permissions: every registered permission for an active superuser, none for an
     * inactive user, and the granted ones otherwise.
     *
     * <p>An active superuser's set lists only registered permissions, though {@link #hasPerm} answers true for
     * unregistered ones too; use this to display, not to decide.
     *
     * @param user the user
     * @return the permissions, immutable
     */
    public Set<Permission> permissions(User user) {
        Objects.requireNonNull(user, "user");
        if (!user.active()) {
            return Set.of();
        }
        if (user.superuser()) {
            return Set.copyOf(store.registered());
        }
        return Set.copyOf(store.grantedPermissions(user.id()));
    }

    @Override
    public String toString() {
        return "Authorizer[" + store + "]";
    }
}
