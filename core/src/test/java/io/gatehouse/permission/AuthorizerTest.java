package io.gatehouse.permission;

import static io.gatehouse.permission.TestUsers.active;
import static io.gatehouse.permission.TestUsers.inactive;
import static io.gatehouse.permission.TestUsers.inactiveSuperuser;
import static io.gatehouse.permission.TestUsers.staff;
import static io.gatehouse.permission.TestUsers.superuser;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.user.User;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthorizerTest {
    private static final Permission CHANGE_POST = Permission.of("blog.change_post");
    private static final Permission VIEW_POST = Permission.of("blog.view_post");
    private static final Permission UNREGISTERED = Permission.of("shop.refund_order");

    private final CountingStore store = new CountingStore(new InMemoryPermissionStore());
    private final Authorizer authorizer = new Authorizer(store);

    AuthorizerTest() {
        authorizer.registerResource("blog", "post");
    }

    @Test
    void registerResourceRegistersAndReturnsTheFourDefaults() {
        List<Permission> comments = authorizer.registerResource("blog", "comment");

        assertThat(comments).extracting(Permission::name).containsExactly("blog.add_comment",
                "blog.change_comment", "blog.delete_comment", "blog.view_comment");
        assertThat(store.registered()).containsAll(comments);
    }

    @Test
    void subjectOfLoadsGrantsInOneStoreCall() {
        store.grantToUser(1, VIEW_POST);
        store.calls.set(0);

        Subject subject = authorizer.subjectOf(active(1));

        assertThat(store.calls).hasValue(1);
        assertThat(subject.hasPerm(VIEW_POST)).isTrue();
        assertThat(subject.hasPerm(CHANGE_POST)).isFalse();
        assertThat(store.calls).hasValue(1);
    }

    @Test
    void attackInactiveUserWithGrantsHasNothing() {
        store.grantToUser(1, VIEW_POST);
        User deactivated = inactive(1);

        assertThat(authorizer.hasPerm(deactivated, VIEW_POST)).isFalse();
        assertThat(authorizer.hasPerms(deactivated, List.of())).isFalse();
        assertThat(authorizer.hasModulePerms(deactivated, "blog")).isFalse();
        assertThat(authorizer.permissions(deactivated)).isEmpty();
        assertThat(authorizer.subjectOf(deactivated).grantedPermissions()).isEmpty();
    }

    @Test
    void attackInactiveSuperuserHasNothing() {
        User fallen = inactiveSuperuser(1);

        assertThat(authorizer.hasPerm(fallen, VIEW_POST)).isFalse();
        assertThat(authorizer.hasModulePerms(fallen, "blog")).isFalse();
        assertThat(authorizer.permissions(fallen)).isEmpty();
        assertThat(authorizer.subjectOf(fallen).isSuperuser()).isFalse();
        assertThat(authorizer.subjectOf(fallen).isStaff()).isFalse();
    }

    @Test
    void attackStaffFlagAloneGrantsNoPermission() {
        User clerk = staff(1);

        assertThat(authorizer.hasPerm(clerk, VIEW_POST)).isFalse();
        assertThat(authorizer.hasModulePerms(clerk, "blog")).isFalse();
        assertThat(authorizer.permissions(clerk)).isEmpty();
        assertThat(authorizer.subjectOf(clerk).isStaff()).isTrue();
    }

    @Test
    void activeSuperuserHasEveryPermissionEvenUnregistered() {
        User root = superuser(1);

        assertThat(authorizer.hasPerm(root, CHANGE_POST)).isTrue();
        assertThat(authorizer.hasPerm(root, UNREGISTERED)).isTrue();
        assertThat(authorizer.hasPerms(root, List.of(CHANGE_POST, UNREGISTERED))).isTrue();
        assertThat(authorizer.hasModulePerms(root, "shop")).isTrue();
        assertThat(authorizer.permissions(root)).containsExactlyInAnyOrderElementsOf(store.registered());
    }

    @Test
    void groupGrantedPermissionCountsAndRevokingFromGroupRemovesIt() {
        Group editors = store.createGroup("editors");
        store.grantToGroup(editors.id(), CHANGE_POST);
        store.addToGroup(1, editors.id());
        User editor = active(1);

        assertThat(authorizer.hasPerm(editor, CHANGE_POST)).isTrue();
        assertThat(authorizer.hasModulePerms(editor, "blog")).isTrue();
        assertThat(authorizer.permissions(editor)).containsExactly(CHANGE_POST);

        store.revokeFromGroup(editors.id(), CHANGE_POST);

        assertThat(authorizer.hasPerm(editor, CHANGE_POST)).isFalse();
        assertThat(authorizer.permissions(editor)).isEmpty();
    }

    @Test
    void hasPermsNeedsEveryPermission() {
        store.grantToUser(1, VIEW_POST);
        User reader = active(1);

        assertThat(authorizer.hasPerms(reader, List.of(VIEW_POST))).isTrue();
        assertThat(authorizer.hasPerms(reader, List.of(VIEW_POST, CHANGE_POST))).isFalse();
        assertThat(authorizer.hasPerms(reader, List.of())).isTrue();
    }

    @Test
    void hasModulePermsLooksOnlyAtTheNamedApp() {
        store.grantToUser(1, VIEW_POST);

        assertThat(authorizer.hasModulePerms(active(1), "blog")).isTrue();
        assertThat(authorizer.hasModulePerms(active(1), "shop")).isFalse();
    }

    @Test
    void grantsOfAnotherUserWithTheSameNameDoNotCount() {
        store.grantToUser(1, VIEW_POST);

        assertThat(authorizer.hasPerm(active(2), VIEW_POST)).isFalse();
    }

    /** Counts grant loads, so a test can hold the one-call promise. */
    private static final class CountingStore implements PermissionStore {
        final AtomicInteger calls = new AtomicInteger();
        private final PermissionStore delegate;

        CountingStore(PermissionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<Permission> grantedPermissions(long userId) {
            calls.incrementAndGet();
            return delegate.grantedPermissions(userId);
        }

        @Override
        public void register(Collection<Permission> permissions) {
            delegate.register(permissions);
        }

        @Override
        public List<Permission> registered() {
            return delegate.registered();
        }

        @Override
        public Group createGroup(String name) {
            return delegate.createGroup(name);
        }

        @Override
        public Optional<Group> findGroup(String name) {
            return delegate.findGroup(name);
        }

        @Override
        public List<Group> groups() {
            return delegate.groups();
        }

        @Override
        public boolean deleteGroup(long groupId) {
            return delegate.deleteGroup(groupId);
        }

        @Override
        public void grantToUser(long userId, Permission permission) {
            delegate.grantToUser(userId, permission);
        }

        @Override
        public boolean revokeFromUser(long userId, Permission permission) {
            return delegate.revokeFromUser(userId, permission);
        }

        @Override
        public void grantToGroup(long groupId, Permission permission) {
            delegate.grantToGroup(groupId, permission);
        }

        @Override
        public boolean revokeFromGroup(long groupId, Permission permission) {
            return delegate.revokeFromGroup(groupId, permission);
        }

        @Override
        public void addToGroup(long userId, long groupId) {
            delegate.addToGroup(userId, groupId);
        }

        @Override
        public boolean removeFromGroup(long userId, long groupId) {
            return delegate.removeFromGroup(userId, groupId);
        }

        @Override
        public List<Group> groupsOf(long userId) {
            return delegate.groupsOf(userId);
        }

        @Override
        public Set<Permission> groupPermissions(long groupId) {
            return delegate.groupPermissions(groupId);
        }

        @Override
        public Set<Permission> directPermissions(long userId) {
            return delegate.directPermissions(userId);
        }

        @Override
        public void removeUser(long userId) {
            delegate.removeUser(userId);
        }
    }
}
