package io.gatehouse.permission;

import io.gatehouse.InvalidInputException;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link PermissionStore} held in memory: for tests, examples and single-node applications that keep their
 * grants elsewhere. It knows nothing of users, so it accepts any positive user id.
 *
 * <p>Thread-safe: every method runs under one lock, so each call sees and leaves a consistent state.
 * Operations on a group id that does not exist throw an {@link InvalidInputException} naming {@code groupId},
 * except {@link #deleteGroup(long)}, which answers false. Returned collections are immutable snapshots, and
 * sets iterate in name order.
 *
 * <pre>{@code
 * PermissionStore store = new InMemoryPermissionStore();
 * store.register(Permission.defaultsFor("blog", "post"));
 * Group editors = store.createGroup("editors");
 * store.grantToGroup(editors.id(), Permission.of("blog.change_post"));
 * }</pre>
 */
public final class InMemoryPermissionStore implements PermissionStore {
    private static final Comparator<Group> BY_NAME = Comparator.comparing(Group::name);

    private final Object lock = new Object();
    private final Set<Permission> registered = new TreeSet<>();
    private final Map<Long, Group> groupsById = new HashMap<>();
    private final Map<String, Group> groupsByName = new HashMap<>();
    private final Map<Long, Set<Permission>> userGrants = new HashMap<>();
    private final Map<Long, Set<Permission>> groupGrants = new HashMap<>();
    private final Map<Long, Set<Long>> memberships = new HashMap<>();
    private long lastGroupId;

    /** Creates an empty store. */
    public InMemoryPermissionStore() {
    }

    @Override
    public void register(Collection<Permission> permissions) {
        List<Permission> copy = List.copyOf(permissions);
        synchronized (lock) {
            registered.addAll(copy);
        }
    }

    @Override
    public List<Permission> registered() {
        synchronized (lock) {
            return List.copyOf(registered);
        }
    }

    @Override
    public Group createGroup(String name) {
        Group.checkName(name);
        synchronized (lock) {
            if (groupsByName.containsKey(name)) {
                throw new InvalidInputException("name", "group_name_taken",
                        "A group named \"" + name + "\" already exists; choose another name.");
            }
            Group group = new Group(++lastGroupId, name);
            groupsById.put(group.id(), group);
            groupsByName.put(name, group);
            return group;
        }
    }

    @Override
    public Optional<Group> findGroup(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            return Optional.ofNullable(groupsByName.get(name));
        }
    }

    @Override
    public List<Group> groups() {
        synchronized (lock) {
            return groupsById.values().stream().sorted(BY_NAME).toList();
        }
    }

    @Override
    public boolean deleteGroup(long groupId) {
        synchronized (lock) {
            Group group = groupsById.remove(groupId);
            if (group == null) {
                return false;
            }
            groupsByName.remove(group.name());
            groupGrants.remove(groupId);
            memberships.values().forEach(groups -> groups.remove(groupId));
            memberships.values().removeIf(Set::isEmpty);
            return true;
        }
    }

    @Override
    public void grantToUser(long userId, Permission permission) {
        checkUserId(userId);
        Objects.requireNonNull(permission, "permission");
        synchronized (lock) {
            checkRegistered(permission);
            userGrants.computeIfAbsent(userId, id -> new HashSet<>()).add(permission);
        }
    }

    @Override
    public boolean revokeFromUser(long userId, Permission permission) {
        Objects.requireNonNull(permission, "permission");
        synchronized (lock) {
            return removeFrom(userGrants, userId, permission);
        }
    }

    @Override
    public void grantToGroup(long groupId, Permission permission) {
        Objects.requireNonNull(permission, "permission");
        synchronized (lock) {
            checkGroup(groupId);
            checkRegistered(permission);
            groupGrants.computeIfAbsent(groupId, id -> new HashSet<>()).add(permission);
        }
    }

    @Override
    public boolean revokeFromGroup(long groupId, Permission permission) {
        Objects.requireNonNull(permission, "permission");
        synchronized (lock) {
            checkGroup(groupId);
            return removeFrom(groupGrants, groupId, permission);
        }
    }

    @Override
    public void addToGroup(long userId, long groupId) {
        checkUserId(userId);
        synchronized (lock) {
            checkGroup(groupId);
            memberships.computeIfAbsent(userId, id -> new HashSet<>()).add(groupId);
        }
    }

    @Override
    public boolean removeFromGroup(long userId, long groupId) {
        synchronized (lock) {
            checkGroup(groupId);
            return removeFrom(memberships, userId, groupId);
        }
    }

    @Override
    public List<Group> groupsOf(long userId) {
        synchronized (lock) {
            return memberships.getOrDefault(userId, Set.of()).stream()
                    .map(groupsById::get).sorted(BY_NAME).toList();
        }
    }

    @Override
    public Set<Permission> groupPermissions(long groupId) {
        synchronized (lock) {
            checkGroup(groupId);
            return snapshot(groupGrants.getOrDefault(groupId, Set.of()));
        }
    }

    @Override
    public Set<Permission> directPermissions(long userId) {
        synchronized (lock) {
            return snapshot(userGrants.getOrDefault(userId, Set.of()));
        }
    }

    @Override
    public Set<Permission> grantedPermissions(long userId) {
        synchronized (lock) {
            Set<Permission> all = new TreeSet<>(userGrants.getOrDefault(userId, Set.of()));
            for (long groupId : memberships.getOrDefault(userId, Set.of())) {
                all.addAll(groupGrants.getOrDefault(groupId, Set.of()));
            }
            return Collections.unmodifiableSet(all);
        }
    }

    @Override
    public void removeUser(long userId) {
        synchronized (lock) {
            userGrants.remove(userId);
            memberships.remove(userId);
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "InMemoryPermissionStore[registered=" + registered.size() + ", groups=" + groupsById.size() + "]";
        }
    }

    private void checkRegistered(Permission permission) {
        if (!registered.contains(permission)) {
            throw notRegistered(permission);
        }
    }

    private void checkGroup(long groupId) {
        if (!groupsById.containsKey(groupId)) {
            throw new InvalidInputException("groupId", "group_not_found",
                    "No group has the id " + groupId + "; create it with createGroup(name) first.");
        }
    }

    private static void checkUserId(long userId) {
        if (userId <= 0) {
            throw new InvalidInputException("userId", "user_id_invalid",
                    "The user id must be positive, was " + userId + ".");
        }
    }

    private static <K, V> boolean removeFrom(Map<K, Set<V>> map, K key, V value) {
        Set<V> values = map.get(key);
        if (values == null || !values.remove(value)) {
            return false;
        }
        if (values.isEmpty()) {
            map.remove(key);
        }
        return true;
    }

    private static Set<Permission> snapshot(Set<Permission> permissions) {
        return Collections.unmodifiableSet(new TreeSet<>(permissions));
    }

    /**
     * The error for granting a permission nobody registered; shared with other stores of this package.
     *
     * @param permission the permission
     * @return the exception, naming {@code permission} and saying how to register it
     */
    static InvalidInputException notRegistered(Permission permission) {
        String codename = permission.codename();
        int underscore = codename.indexOf('_');
        String action = underscore < 0 ? "" : codename.substring(0, underscore);
        String how = Permission.DEFAULT_ACTIONS.contains(action) && underscore < codename.length() - 1
                ? "register(Permission.defaultsFor(\"" + permission.app() + "\", \""
                        + codename.substring(underscore + 1) + "\"))"
                : "register(List.of(Permission.of(\"" + permission.name() + "\")))";
        return new InvalidInputException("permission", "permission_not_registered",
                "The permission " + permission.name() + " is not registered; register it before granting it, "
                        + "for example with " + how + ".");
    }
}
