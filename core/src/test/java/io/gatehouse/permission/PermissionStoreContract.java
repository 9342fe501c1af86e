package io.gatehouse.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PermissionStore} shares. A store module subclasses this and supplies a fresh
 * store and real user ids; the in-memory store and each JDBC dialect run the same tests.
 */
public abstract class PermissionStoreContract {
    private static final Permission ADD_POST = Permission.of("blog.add_post");
    private static final Permission CHANGE_POST = Permission.of("blog.change_post");
    private static final Permission DELETE_POST = Permission.of("blog.delete_post");
    private static final Permission VIEW_POST = Permission.of("blog.view_post");
    private static final Permission UNREGISTERED = Permission.of("shop.refund_order");

    private PermissionStore store;

    /**
     * A new, empty store for one test.
     *
     * @return the store
     */
    protected abstract PermissionStore newStore();

    /**
     * The id of a user that grants may refer to; a store with foreign keys creates the user row here.
     *
     * @return a fresh user id, different on every call
     */
    protected abstract long newUserId();

    @BeforeEach
    void setUpStore() {
        store = newStore();
        store.register(Permission.defaultsFor("blog", "post"));
    }

    @Test
    void registerIsIdempotentAndRegisteredIsSortedByName() {
        store.register(List.of(Permission.of("auth.view_user"), Permission.of("auth.add_user")));
        store.register(Permission.defaultsFor("blog", "post"));
        store.register(List.of(Permission.of("auth.view_user")));

        assertThat(store.registered()).containsExactly(Permission.of("auth.add_user"),
                Permission.of("auth.view_user"), ADD_POST, CHANGE_POST, DELETE_POST, VIEW_POST);
    }

    @Test
    void registerOfNothingChangesNothing() {
        store.register(List.of());

        assertThat(store.registered()).hasSize(4);
    }

    @Test
    void createdGroupIsFoundByExactNameAndListedSortedByName() {
        Group writers = store.createGroup("writers");
        Group editors = store.createGroup("editors");

        assertThat(writers.id()).isPositive().isNotEqualTo(editors.id());
        assertThat(store.findGroup("writers")).contains(writers);
        assertThat(store.findGroup("nobody")).isEmpty();
        assertThat(store.groups()).containsExactly(editors, writers);
    }

    @Test
    void createGroupWhenNameTakenThenRefusedAndNothingChanges() {
        Group editors = store.createGroup("editors");

        assertThatThrownBy(() -> store.createGroup("editors"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.code()).isEqualTo("group_name_taken");
                });
        assertThat(store.groups()).containsExactly(editors);
    }

    @Test
    void createGroupWhenNameMalformedThenRefused() {
        assertThatThrownBy(() -> store.createGroup(" "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(store.groups()).isEmpty();
    }

    @Test
    void deleteGroupRemovesItsGrantsAndMemberships() {
        long user = newUserId();
        Group editors = store.createGroup("editors");
        store.grantToGroup(editors.id(), CHANGE_POST);
        store.addToGroup(user, editors.id());

        assertThat(store.deleteGroup(editors.id())).isTrue();

        assertThat(store.groups()).isEmpty();
        assertThat(store.findGroup("editors")).isEmpty();
        assertThat(store.groupsOf(user)).isEmpty();
        assertThat(store.grantedPermissions(user)).isEmpty();
        assertThat(store.deleteGroup(editors.id())).isFalse();
    }

    @Test
    void deletedGroupNameCanBeReused() {
        store.deleteGroup(store.createGroup("editors").id());

        assertThat(store.createGroup("editors").name()).isEqualTo("editors");
    }

    @Test
    void grantToUserIsIdempotentAndRevokeSaysWhetherThereWasAGrant() {
        long user = newUserId();
        store.grantToUser(user, CHANGE_POST);
        store.grantToUser(user, CHANGE_POST);

        assertThat(store.directPermissions(user)).containsExactly(CHANGE_POST);
        assertThat(store.revokeFromUser(user, CHANGE_POST)).isTrue();
        assertThat(store.revokeFromUser(user, CHANGE_POST)).isFalse();
        assertThat(store.directPermissions(user)).isEmpty();
    }

    @Test
    void grantToGroupIsIdempotentAndRevokeSaysWhetherThereWasAGrant() {
        Group editors = store.createGroup("editors");
        store.grantToGroup(editors.id(), VIEW_POST);
        store.grantToGroup(editors.id(), VIEW_POST);
        store.grantToGroup(editors.id(), ADD_POST);

        assertThat(store.groupPermissions(editors.id())).containsExactlyInAnyOrder(ADD_POST, VIEW_POST);
        assertThat(store.revokeFromGroup(editors.id(), VIEW_POST)).isTrue();
        assertThat(store.revokeFromGroup(editors.id(), VIEW_POST)).isFalse();
        assertThat(store.groupPermissions(editors.id())).containsExactly(ADD_POST);
    }

    @Test
    void membershipIsIdempotentAndRemovalSaysWhetherTheUserWasAMember() {
        long user = newUserId();
        Group writers = store.createGroup("writers");
        Group editors = store.createGroup("editors");
        store.addToGroup(user, writers.id());
        store.addToGroup(user, writers.id());
        store.addToGroup(user, editors.id());

        assertThat(store.groupsOf(user)).containsExactly(editors, writers);
        assertThat(store.removeFromGroup(user, writers.id())).isTrue();
        assertThat(store.removeFromGroup(user, writers.id())).isFalse();
        assertThat(store.groupsOf(user)).containsExactly(editors);
    }

    @Test
    void grantedPermissionsIsTheUnionOfDirectAndGroupGrantsWithoutDuplicates() {
        long user = newUserId();
        Group editors = store.createGroup("editors");
        Group writers = store.createGroup("writers");
        store.grantToUser(user, VIEW_POST);
        store.grantToGroup(editors.id(), VIEW_POST);
        store.grantToGroup(editors.id(), CHANGE_POST);
        store.grantToGroup(writers.id(), ADD_POST);
        store.grantToGroup(writers.id(), CHANGE_POST);
        store.addToGroup(user, editors.id());
        store.addToGroup(user, writers.id());

        assertThat(store.grantedPermissions(user)).containsExactlyInAnyOrder(ADD_POST, CHANGE_POST, VIEW_POST);
        assertThat(store.directPermissions(user)).containsExactly(VIEW_POST);
    }

    @Test
    void grantedPermissionsFollowsMembershipAndGrantChanges() {
        long user = newUserId();
        Group editors = store.createGroup("editors");
        store.grantToGroup(editors.id(), CHANGE_POST);
        assertThat(store.grantedPermissions(user)).isEmpty();

        store.addToGroup(user, editors.id());
        assertThat(store.grantedPermissions(user)).containsExactly(CHANGE_POST);

        store.grantToGroup(editors.id(), DELETE_POST);
        assertThat(store.grantedPermissions(user)).containsExactlyInAnyOrder(CHANGE_POST, DELETE_POST);

        store.revokeFromGroup(editors.id(), CHANGE_POST);
        assertThat(store.grantedPermissions(user)).containsExactly(DELETE_POST);

        store.removeFromGroup(user, editors.id());
        assertThat(store.grantedPermissions(user)).isEmpty();
    }

    @Test
    void grantsToOneUserDoNotLeakToAnother() {
        long alice = newUserId();
        long bob = newUserId();
        Group editors = store.createGroup("editors");
        store.grantToGroup(editors.id(), CHANGE_POST);
        store.addToGroup(alice, editors.id());
        store.grantToUser(alice, VIEW_POST);

        assertThat(store.grantedPermissions(bob)).isEmpty();
        assertThat(store.groupsOf(bob)).isEmpty();
    }

    @Test
    void grantOfUnregisteredPermissionToUserIsRefusedAndChangesNothing() {
        long user = newUserId();

        assertThatThrownBy(() -> store.grantToUser(user, UNREGISTERED))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("permission");
                    assertThat(e.code()).isEqualTo("permission_not_registered");
                    assertThat(e.getMessage()).contains("shop.refund_order", "register");
                });
        assertThat(store.grantedPermissions(user)).isEmpty();
        assertThat(store.registered()).doesNotContain(UNREGISTERED);
    }

    @Test
    void grantOfUnregisteredPermissionToGroupIsRefusedAndChangesNothing() {
        Group editors = store.createGroup("editors");

        assertThatThrownBy(() -> store.grantToGroup(editors.id(), UNREGISTERED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not registered");
        assertThat(store.groupPermissions(editors.id())).isEmpty();
        assertThat(store.registered()).doesNotContain(UNREGISTERED);
    }

    @Test
    void revokeOfNeverGrantedPermissionAnswersFalse() {
        long user = newUserId();
        Group editors = store.createGroup("editors");

        assertThat(store.revokeFromUser(user, UNREGISTERED)).isFalse();
        assertThat(store.revokeFromGroup(editors.id(), VIEW_POST)).isFalse();
        assertThat(store.removeFromGroup(user, editors.id())).isFalse();
    }

    @Test
    void operationsOnUnknownGroupAreRefusedNamingGroupId() {
        long user = newUserId();
        long unknown = store.createGroup("ghosts").id() + 1000;

        List<Runnable> calls = List.of(
                () -> store.grantToGroup(unknown, VIEW_POST),
                () -> store.revokeFromGroup(unknown, VIEW_POST),
                () -> store.addToGroup(user, unknown),
                () -> store.removeFromGroup(user, unknown),
                () -> store.groupPermissions(unknown));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("groupId"));
        }
        assertThat(store.groupsOf(user)).isEmpty();
        assertThat(store.deleteGroup(unknown)).isFalse();
    }

    @Test
    void removeUserForgetsEveryGrantAndMembershipOfThatUserOnly() {
        long alice = newUserId();
        long bob = newUserId();
        Group editors = store.createGroup("editors");
        store.grantToGroup(editors.id(), CHANGE_POST);
        store.addToGroup(alice, editors.id());
        store.addToGroup(bob, editors.id());
        store.grantToUser(alice, VIEW_POST);
        store.grantToUser(bob, VIEW_POST);

        store.removeUser(alice);

        assertThat(store.directPermissions(alice)).isEmpty();
        assertThat(store.groupsOf(alice)).isEmpty();
        assertThat(store.grantedPermissions(alice)).isEmpty();
        assertThat(store.grantedPermissions(bob)).containsExactlyInAnyOrder(CHANGE_POST, VIEW_POST);
        assertThat(store.groupPermissions(editors.id())).containsExactly(CHANGE_POST);
    }

    @Test
    void returnedCollectionsAreSnapshots() {
        long user = newUserId();
        store.grantToUser(user, VIEW_POST);
        Set<Permission> before = store.grantedPermissions(user);

        store.grantToUser(user, ADD_POST);

        assertThat(before).containsExactly(VIEW_POST);
    }
}
