package io.gatehouse.examples.demo;

import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The actions of the admin's user list, each with the permission it takes (a superuser has them all). The list
 * offers only the actions the user may take, and the server refuses the others with 403 when they are forced.
 *
 * <p>Granting permissions and group membership take their own permissions rather than {@code auth.change_user},
 * so a support account can be allowed to (de)activate users without being able to hand out rights.
 */
enum BulkAction {
    ACTIVATE("activate", "auth.change_user"),
    DEACTIVATE("deactivate", "auth.change_user"),
    DELETE("delete", "auth.delete_user"),
    GRANT_PERMISSION("grant_permission", "auth.change_permission"),
    ADD_TO_GROUP("add_to_group", "auth.change_group");

    /** What the admin pages need, registered at every start (registering again is harmless). */
    static final List<Permission> ADMIN_PERMISSIONS = List.of("user", "group", "permission").stream()
            .flatMap(resource -> Permission.defaultsFor("auth", resource).stream()).toList();
    static final Permission VIEW_USER = Permission.of("auth.view_user");
    static final Permission VIEW_GROUP = Permission.of("auth.view_group");
    static final Permission ADD_GROUP = Permission.of("auth.add_group");
    static final Permission CHANGE_GROUP = Permission.of("auth.change_group");
    static final Permission DELETE_GROUP = Permission.of("auth.delete_group");
    static final Permission VIEW_PERMISSION = Permission.of("auth.view_permission");
    static final Permission ADD_PERMISSION = Permission.of("auth.add_permission");

    private final String key;
    private final Permission permission;

    BulkAction(String key, String permission) {
        this.key = key;
        this.permission = Permission.of(permission);
    }

    String key() {
        return key;
    }

    Permission permission() {
        return permission;
    }

    boolean allowedFor(Subject subject) {
        return subject.isStaff() && subject.hasPerm(permission);
    }

    static Optional<BulkAction> of(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    static List<BulkAction> allowed(Subject subject) {
        return Arrays.stream(values()).filter(a -> a.allowedFor(subject)).toList();
    }
}
