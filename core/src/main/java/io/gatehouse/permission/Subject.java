package io.gatehouse.permission;

import io.gatehouse.user.User;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who a request acts as: {@link #anonymous()} or a user together with the permissions granted to it. The
 * answers are computed from values already loaded, so checking costs no store call.
 *
 * <p>Rules (Django's {@code ModelBackend}): an anonymous or inactive subject has no permission and is not
 * staff; an active superuser has every permission; any other active user has exactly its grants.
 *
 * <p>Immutable and thread-safe.
 */
public final class Subject {
    private static final Subject ANONYMOUS = new Subject(null, Set.of());

    private final @Nullable User user;
    private final Set<Permission> granted;

    private Subject(@Nullable User user, Set<Permission> granted) {
        this.user = user;
        this.granted = Set.copyOf(granted);
    }

    /**
     * The subject of a request with no logged-in user.
     *
     * @return the anonymous subject
     */
    public static Subject anonymous() {
        return ANONYMOUS;
    }

    /**
     * A logged-in user with its granted permissions (direct and through groups).
     *
     * @param user the user
     * @param granted the union of the user's grants
     * @return the subject
     */
    public static Subject of(User user, Set<Permission> granted) {
        return new Subject(Objects.requireNonNull(user, "user"), Objects.requireNonNull(granted, "granted"));
    }

    /**
     * The logged-in user.
     *
     * @return the user, or empty when anonymous
     */
    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /**
     * Tells whether a user is logged in.
     *
     * @return false for the anonymous subject
     */
    public boolean isAuthenticated() {
        return user != null;
    }

    /**
     * Tells whether the subject may enter admin areas: an active staff user.
     *
     * @return true for an active user with the staff flag
     */
    public boolean isStaff() {
        return user != null && user.active() && user.staff();
    }

    /**
     * Tells whether the subject is an active superuser.
     *
     * @return true for an active user with the superuser flag
     */
    public boolean isSuperuser() {
        return user != null && user.active() && user.superuser();
    }

    /**
     * Tells whether the subject has a permission.
     *
     * @param permission the permission
     * @return true for an active superuser, or an active user holding the grant
     */
    public boolean hasPerm(Permission permission) {
        Objects.requireNonNull(permission, "permission");
        if (user == null || !user.active()) {
            return false;
        }
        return user.superuser() || granted.contains(permission);
    }

    /**
     * Tells whether the subject has a permission, given by name.
     *
     * @param permission e.g. {@code blog.change_post}
     * @return as {@link #hasPerm(Permission)}
     * @throws io.gatehouse.InvalidInputException when the name is malformed
     */
    public boolean hasPerm(String permission) {
        return hasPerm(Permission.of(permission));
    }

    /**
     * Tells whether the subject has every one of the permissions.
     *
     * @param permissions the permissions; an empty collection is satisfied by any active user
     * @return true when each is held
     */
    public boolean hasPerms(Collection<Permission> permissions) {
        if (user == null || !user.active()) {
            return false;
        }
        return permissions.stream().allMatch(this::hasPerm);
    }

    /**
     * Tells whether the subject has any permission in an app (Django's {@code has_module_perms}).
     *
     * @param app the app label, e.g. {@code blog}
     * @return true for an active superuser, or an active user with at least one grant in the app
     */
    public boolean hasModulePerms(String app) {
        Objects.requireNonNull(app, "app");
        if (user == null || !user.active()) {
            return false;
        }
        return user.superuser() || granted.stream().anyMatch(p -> p.app().equals(app));
    }

    /**
     * The permissions granted to the subject, as stored. An inactive or anonymous subject has none; note that
     * an active superuser holds every permission whether or not it appears here.
     *
     * @return the granted permissions
     */
    public Set<Permission> grantedPermissions() {
        return user == null || !user.active() ? Set.of() : granted;
    }

    @Override
    public String toString() {
        return user == null ? "Subject[anonymous]" : "Subject[user=" + user.username() + ", id=" + user.id() + "]";
    }
}
