package io.gatehouse.account;

import static io.gatehouse.account.AccountsFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.permission.Group;
import io.gatehouse.permission.Permission;
import io.gatehouse.user.User;
import org.junit.jupiter.api.Test;

class AccountsDeleteTest {
    private static final Permission CHANGE_POST = Permission.of("blog.change_post");
    private static final Permission VIEW_POST = Permission.of("blog.view_post");

    private final AccountsFixture fx = new AccountsFixture();
    private final Accounts accounts = fx.accounts;
    private final User alice = fx.alice();
    private final Group editors;

    AccountsDeleteTest() {
        fx.gatehouse.permissions().registerResource("blog", "post");
        editors = fx.permissions.createGroup("editors");
        fx.permissions.grantToGroup(editors.id(), VIEW_POST);
        fx.permissions.grantToUser(alice.id(), CHANGE_POST);
        fx.permissions.addToGroup(alice.id(), editors.id());
    }

    @Test
    void deleteRemovesTheUser() {
        assertThat(accounts.delete(alice.id())).isTrue();

        assertThat(fx.users.findById(alice.id())).isEmpty();
        assertThat(fx.users.findByUsername("alice")).isEmpty();
        assertThat(fx.users.findByEmail("alice@example.com")).isEmpty();
        assertThat(fx.canLogIn("alice", PASSWORD)).isFalse();
    }

    @Test
    void deleteEndsEverySessionOfTheUser() {
        String laptop = fx.login("alice", PASSWORD);
        String phone = fx.login("alice", PASSWORD);

        accounts.delete(alice.id());

        assertThat(fx.resolves(laptop)).isFalse();
        assertThat(fx.resolves(phone)).isFalse();
        assertThat(fx.gatehouse.sessions().sessionsOf(alice.id())).isEmpty();
    }

    @Test
    void deleteRemovesTheUsersGrantsAndMembershipsButNotTheGroup() {
        accounts.delete(alice.id());

        assertThat(fx.permissions.directPermissions(alice.id())).isEmpty();
        assertThat(fx.permissions.grantedPermissions(alice.id())).isEmpty();
        assertThat(fx.permissions.groupsOf(alice.id())).isEmpty();
        assertThat(fx.permissions.groups()).containsExactly(editors);
        assertThat(fx.permissions.groupPermissions(editors.id())).containsExactly(VIEW_POST);
    }

    @Test
    void deleteLeavesOtherUsersAlone() {
        User bob = accounts.createUser("bob", "bob@example.com", PASSWORD);
        fx.permissions.addToGroup(bob.id(), editors.id());
        String bobs = fx.login("bob", PASSWORD);

        accounts.delete(alice.id());

        assertThat(fx.stored(bob.id())).isEqualTo(fx.users.findByUsername("bob").orElseThrow());
        assertThat(fx.resolves(bobs)).isTrue();
        assertThat(fx.permissions.groupsOf(bob.id())).containsExactly(editors);
    }

    @Test
    void deleteWhenUserUnknownThenFalse() {
        assertThat(accounts.delete(alice.id() + 1)).isFalse();
        assertThat(accounts.delete(0)).isFalse();
        assertThat(accounts.delete(-1)).isFalse();
        assertThat(fx.allUsers()).containsExactly(alice);
        assertThat(fx.permissions.grantedPermissions(alice.id())).containsExactlyInAnyOrder(CHANGE_POST, VIEW_POST);
    }

    @Test
    void deleteTwiceThenSecondIsFalse() {
        assertThat(accounts.delete(alice.id())).isTrue();
        assertThat(accounts.delete(alice.id())).isFalse();
    }

    @Test
    void deleteThenTheUsernameAndEmailCanBeReusedByANewAccountWithNothingInherited() {
        String oldSession = fx.login("alice", PASSWORD);
        accounts.delete(alice.id());

        User newAlice = accounts.createUser("Alice", "ALICE@example.com", "a brand new password 2026");

        assertThat(newAlice.id()).isNotEqualTo(alice.id());
        assertThat(fx.permissions.grantedPermissions(newAlice.id())).isEmpty();
        assertThat(fx.permissions.groupsOf(newAlice.id())).isEmpty();
        assertThat(fx.resolves(oldSession)).isFalse();
        assertThat(fx.canLogIn("alice", "a brand new password 2026")).isTrue();
        assertThat(fx.canLogIn("alice", PASSWORD)).isFalse();
    }
}
