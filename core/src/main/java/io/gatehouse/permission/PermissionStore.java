package io.gatehouse.permission;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: registered permissions, groups, and grants to users and groups. Implementations:
 * {@link InMemoryPermissionStore} and the JDBC store; all pass the {@code PermissionStoreContract} suite.
 *
 * <p>Implementations are thread-safe. Granting a permission that was never {@link #register registered}
 * is refused with an {@link io.gatehouse.InvalidInputException} naming {@code permission} (code
 * {@code permission_not_registered}), and changes nothing. A group id that names no group is refused with an
 * {@link io.gatehouse.InvalidInputException} naming {@code groupId} by every method that takes one, except
 * {@link #deleteGroup(long)}, which answers false. Grant and membership changes are idempotent. Lists of
 * groups and permissions are sorted by name.
 */
public interface PermissionStore {
    /**
     * Registers permissions so they can be granted; registering one twice is harmless.
     *
     * @param permissions the permissions
     */
    void register(Collection<Permission> permissions);

    /**
     * Every registered permission.
     *
     * @return the permissions, sorted by name
     */
    List<Permission> registered();

    /**
     * Creates a group.
     *
     * @param name the unique name
     * @return the group with its id
     * @throws io.gatehouse.InvalidInputException naming {@code name} when it is malformed or taken
     */
    Group createGroup(String name);

    /**
     * Finds a group by its exact name.
     *
     * @param name the name
     * @return the group, or empty
     */
    Optional<Group> findGroup(String name);

    /**
     * Every group.
     *
     * @return the groups, sorted by name
     */
    List<Group> groups();

    /**
     * Deletes a group with its grants and memberships.
     *
     * @param groupId the id
     * @return true when a group was deleted
     */
    boolean deleteGroup(long groupId);

    /**
     * Grants a permission to a user directly.
     *
     * @param userId the user
     * @param permission a registered permission
     */
    void grantToUser(long userId, Permission permission);

    /**
     * Withdraws a direct grant.
     *
     * @param userId the user
     * @param permission the permission
     * @return true when the user had the grant
     */
    boolean revokeFromUser(long userId, Permission permission);

    /**
     * Grants a permission to every member of a group.
     *
     * @param groupId the group
     * @param permission a registered permission
     */
    void grantToGroup(long groupId, Permission permission);

    /**
     * Withdraws a group grant.
     *
     * @param groupId the group
     * @param permission the permission
     * @return true when the group had the grant
     */
    boolean revokeFromGroup(long groupId, Permission permission);

    /**
     * Adds a user to a group.
     *
     * @param userId the user
     * @param groupId the group
     */
    void addToGroup(long userId, long groupId);

    /**
     * Removes a user from a group.
     *
     * @param userId the user
     * @param groupId the group
     * @return true when the user was a member
     */
    boolean removeFromGroup(long userId, long groupId);

    /**
     * The groups a user belongs to.
     *
     * @param userId the user
     * @return the groups, sorted by name
     */
    List<Group> groupsOf(long userId);

    /**
     * The permissions granted to a group.
     *
     * @param groupId the group
     * @return the permissions
     */
    Set<Permission> groupPermissions(long groupId);

    /**
     * The permissions granted to a user directly, without those of its groups.
     *
     * @param userId the user
     * @return the permissions
     */
    Set<Permission> directPermissions(long userId);

    /**
     * The union of a user's direct and group grants, regardless of the user's flags; {@link Authorizer}
     * applies the active/superuser rules. One call, so a SQL store answers it in one query.
     *
     * @param userId the user
     * @return the permissions
     */
    Set<Permission> grantedPermissions(long userId);

    /**
     * Forgets every grant and membership of a deleted user.
     *
     * @param userId the user
     */
    void removeUser(long userId);
}
