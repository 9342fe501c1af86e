package io.gatehouse.jdbc;

import io.gatehouse.InvalidInputException;
import io.gatehouse.permission.Group;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.PermissionStore;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * {@link PermissionStore} on SQL tables. Grants and memberships refer to users, groups and registered
 * permissions by foreign keys that cascade on delete, so deleting a user or a group removes its grants with
 * it. Lists are sorted by name in Java, so the order does not depend on the database's collation. Every change
 * that can alter a user's permissions raises the permission epoch in its own transaction (see
 * {@link JdbcSessionSubjectLookup}).
 */
final class JdbcPermissionStore implements PermissionStore {
    private static final Comparator<Group> BY_NAME = Comparator.comparing(Group::name);

    private final Db db;
    private final String registerOne;
    private final String selectRegistered;
    private final String isRegistered;
    private final String insertGroup;
    private final String selectGroupByName;
    private final String selectGroupById;
    private final String selectGroups;
    private final String deleteGroup;
    private final String grantToUser;
    private final String revokeFromUser;
    private final String grantToGroup;
    private final String revokeFromGroup;
    private final String addToGroup;
    private final String removeFromGroup;
    private final String groupsOf;
    private final String groupPermissions;
    private final String directPermissions;
    private final String grantedPermissions;
    private final String removeUserGrants;
    private final String removeUserMemberships;
    private final String raiseEpoch;

    JdbcPermissionStore(Db db) {
        this.db = Objects.requireNonNull(db, "db");
        registerOne = db.insertIfAbsent("permission", "name", "name");
        selectRegistered = db.sql("SELECT name FROM {p}permission");
        isRegistered = db.sql("SELECT COUNT(*) FROM {p}permission WHERE name = ?");
        insertGroup = db.sql("INSERT INTO {p}group (name) VALUES (?)");
        selectGroupByName = db.sql("SELECT id, name FROM {p}group WHERE name = ?");
        selectGroupById = db.sql("SELECT COUNT(*) FROM {p}group WHERE id = ?");
        selectGroups = db.sql("SELECT id, name FROM {p}group");
        deleteGroup = db.sql("DELETE FROM {p}group WHERE id = ?");
        grantToUser = db.insertIfAbsent("user_permission", "user_id, permission_name", "user_id, permission_name");
        revokeFromUser = db.sql("DELETE FROM {p}user_permission WHERE user_id = ? AND permission_name = ?");
        grantToGroup = db.insertIfAbsent("group_permission", "group_id, permission_name", "group_id, permission_name");
        revokeFromGroup = db.sql("DELETE FROM {p}group_permission WHERE group_id = ? AND permission_name = ?");
        addToGroup = db.insertIfAbsent("user_group", "user_id, group_id", "user_id, group_id");
        removeFromGroup = db.sql("DELETE FROM {p}user_group WHERE user_id = ? AND group_id = ?");
        groupsOf = db.sql("SELECT g.id, g.name FROM {p}user_group ug JOIN {p}group g ON g.id = ug.group_id "
                + "WHERE ug.user_id = ?");
        groupPermissions = db.sql("SELECT permission_name FROM {p}group_permission WHERE group_id = ?");
        directPermissions = db.sql("SELECT permission_name FROM {p}user_permission WHERE user_id = ?");
        grantedPermissions = db.sql("SELECT permission_name FROM {p}user_permission WHERE user_id = ? UNION "
                + "SELECT gp.permission_name FROM {p}user_group ug JOIN {p}group_permission gp "
                + "ON gp.group_id = ug.group_id WHERE ug.user_id = ?");
        removeUserGrants = db.sql("DELETE FROM {p}user_permission WHERE user_id = ?");
        removeUserMemberships = db.sql("DELETE FROM {p}user_group WHERE user_id = ?");
        raiseEpoch = db.sql("UPDATE {p}permission_epoch SET epoch = epoch + 1 WHERE id = 1");
    }

    @Override
    public void register(Collection<Permission> permissions) {
        List<Permission> copy = List.copyOf(permissions);
        if (copy.isEmpty()) {
            return;
        }
        db.inTransaction("registering permissions", handle -> {
            PreparedBatch batch = handle.prepareBatch(registerOne);
            copy.forEach(p -> batch.add(p.name()));
            return batch.execute();
        });
    }

    @Override
    public List<Permission> registered() {
        return db.call("listing permissions", handle -> handle.createQuery(selectRegistered)
                .map((rs, ctx) -> Permission.of(rs.getString(1))).list()).stream().sorted().toList();
    }

    @Override
    public Group createGroup(String name) {
        Group.checkName(name);
        long id = db.write("creating a group", constraint -> groupNameTaken(constraint, name), handle ->
                handle.createUpdate(insertGroup).bind(0, name)
                        .executeAndReturnGeneratedKeys(db.dialect() == Dialect.H2 ? "ID" : "id")
                        .mapTo(Long.class).one());
        return new Group(id, name);
    }

    @Override
    public Optional<Group> findGroup(String name) {
        Objects.requireNonNull(name, "name");
        return db.call("finding a group", handle -> handle.createQuery(selectGroupByName).bind(0, name)
                .map((rs, ctx) -> new Group(rs.getLong(1), rs.getString(2))).findOne());
    }

    @Override
    public List<Group> groups() {
        return db.call("listing groups", handle -> handle.createQuery(selectGroups)
                .map((rs, ctx) -> new Group(rs.getLong(1), rs.getString(2))).list()).stream().sorted(BY_NAME).toList();
    }

    @Override
    public boolean deleteGroup(long groupId) {
        return db.inTransaction("deleting a group", handle -> {
            raiseEpoch(handle);
            return handle.createUpdate(deleteGroup).bind(0, groupId).execute() == 1;
        });
    }

    @Override
    public void grantToUser(long userId, Permission permission) {
        checkUserId(userId);
        Objects.requireNonNull(permission, "permission");
        db.writeAtomically("granting a permission to a user", constraint -> unknownUser(constraint, userId), handle -> {
            raiseEpoch(handle);
            requireRegistered(handle, permission);
            return handle.createUpdate(grantToUser).bind(0, userId).bind(1, permission.name()).execute();
        });
    }

    @Override
    public boolean revokeFromUser(long userId, Permission permission) {
        Objects.requireNonNull(permission, "permission");
        return db.inTransaction("revoking a permission from a user", handle -> {
            raiseEpoch(handle);
            return handle.createUpdate(revokeFromUser).bind(0, userId).bind(1, permission.name()).execute() == 1;
        });
    }

    @Override
    public void grantToGroup(long groupId, Permission permission) {
        Objects.requireNonNull(permission, "permission");
        db.writeAtomically("granting a permission to a group", constraint -> null, handle -> {
            raiseEpoch(handle);
            requireGroup(handle, groupId);
            requireRegistered(handle, permission);
            return handle.createUpdate(grantToGroup).bind(0, groupId).bind(1, permission.name()).execute();
        });
    }

    @Override
    public boolean revokeFromGroup(long groupId, Permission permission) {
        Objects.requireNonNull(permission, "permission");
        return db.inTransaction("revoking a permission from a group", handle -> {
            raiseEpoch(handle);
            requireGroup(handle, groupId);
            return handle.createUpdate(revokeFromGroup).bind(0, groupId).bind(1, permission.name()).execute() == 1;
        });
    }

    @Override
    public void addToGroup(long userId, long groupId) {
        checkUserId(userId);
        db.writeAtomically("adding a user to a group", constraint -> unknownUser(constraint, userId), handle -> {
            raiseEpoch(handle);
            requireGroup(handle, groupId);
            return handle.createUpdate(addToGroup).bind(0, userId).bind(1, groupId).execute();
        });
    }

    @Override
    public boolean removeFromGroup(long userId, long groupId) {
        return db.inTransaction("removing a user from a group", handle -> {
            raiseEpoch(handle);
            requireGroup(handle, groupId);
            return handle.createUpdate(removeFromGroup).bind(0, userId).bind(1, groupId).execute() == 1;
        });
    }

    @Override
    public List<Group> groupsOf(long userId) {
        return db.call("listing a user's groups", handle -> handle.createQuery(groupsOf).bind(0, userId)
                .map((rs, ctx) -> new Group(rs.getLong(1), rs.getString(2))).list()).stream().sorted(BY_NAME).toList();
    }

    @Override
    public Set<Permission> groupPermissions(long groupId) {
        return db.call("listing a group's permissions", handle -> {
            requireGroup(handle, groupId);
            return permissions(handle, groupPermissions, groupId);
        });
    }

    @Override
    public Set<Permission> directPermissions(long userId) {
        return db.call("listing a user's permissions", handle -> permissions(handle, directPermissions, userId));
    }

    @Override
    public Set<Permission> grantedPermissions(long userId) {
        return db.call("listing a user's granted permissions", handle -> {
            List<String> names = handle.createQuery(grantedPermissions).bind(0, userId).bind(1, userId)
                    .mapTo(String.class).list();
            return toSet(names);
        });
    }

    @Override
    public void removeUser(long userId) {
        db.inTransaction("removing a user's grants", handle -> {
            raiseEpoch(handle);
            handle.createUpdate(removeUserGrants).bind(0, userId).execute();
            return handle.createUpdate(removeUserMemberships).bind(0, userId).execute();
        });
    }

    @Override
    public String toString() {
        return "JdbcPermissionStore[" + db.dialect() + ", " + db.prefix() + "]";
    }

    private Set<Permission> permissions(Handle handle, String sql, long id) {
        return toSet(handle.createQuery(sql).bind(0, id).mapTo(String.class).list());
    }

    /** Parses stored names into a name-ordered, unmodifiable set. */
    static Set<Permission> toSet(Collection<String> names) {
        Set<Permission> set = new TreeSet<>();
        names.forEach(name -> set.add(Permission.of(name)));
        return Collections.unmodifiableSet(set);
    }

    /**
     * Raises the permission epoch, first, in the transaction of a change to grants, memberships or groups, so that
     * nodes stop reusing permissions they read before it ({@link JdbcSessionSubjectLookup}). First, so that every
     * such change takes the epoch row's lock before any other and two of them cannot deadlock.
     */
    private void raiseEpoch(Handle handle) {
        handle.createUpdate(raiseEpoch).execute();
    }

    private void requireRegistered(Handle handle, Permission permission) {
        if (handle.createQuery(isRegistered).bind(0, permission.name()).mapTo(Integer.class).one() == 0) {
            throw notRegistered(permission);
        }
    }

    private void requireGroup(Handle handle, long groupId) {
        if (handle.createQuery(selectGroupById).bind(0, groupId).mapTo(Integer.class).one() == 0) {
            throw new InvalidInputException("groupId", "group_not_found",
                    "No group has the id " + groupId + "; create it with createGroup(name) first.");
        }
    }

    private @Nullable RuntimeException groupNameTaken(String constraint, String name) {
        if (!db.isConstraint(constraint, "group_name_uq")) {
            return null;
        }
        return new InvalidInputException("name", "group_name_taken",
                "A group named \"" + name + "\" already exists; choose another name.");
    }

    private @Nullable RuntimeException unknownUser(String constraint, long userId) {
        if (!db.isConstraint(constraint, "user_permission_user_fk") && !db.isConstraint(constraint, "user_group_user_fk")) {
            return null;
        }
        return new InvalidInputException("userId", "user_not_found",
                "No user has the id " + userId + "; grants and memberships need a stored user.");
    }

    private static void checkUserId(long userId) {
        if (userId <= 0) {
            throw new InvalidInputException("userId", "user_id_invalid",
                    "The user id must be positive, was " + userId + ".");
        }
    }

    private static InvalidInputException notRegistered(Permission permission) {
        return new InvalidInputException("permission", "permission_not_registered",
                "The permission " + permission.name() + " is not registered; register it before granting it, "
                        + "for example with register(List.of(Permission.of(\"" + permission.name() + "\"))).");
    }
}
