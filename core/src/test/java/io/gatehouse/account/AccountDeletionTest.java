package io.gatehouse.account;

import static io.gatehouse.account.FlowsFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.login.LoginResult;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.permission.Group;
import io.gatehouse.permission.Permission;
import io.gatehouse.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Self-service deletion with the password: Accounts.deleteAccount. */
class AccountDeletionTest {
    private static final Permission CHANGE_POST = Permission.of("blog.change_post");

    private final FlowsFixture fx = new FlowsFixture();
    private final Accounts accounts = fx.gatehouse.accounts();
    private final User minsu = fx.verifiedUser("minsu", "minsu@example.kr");
    private final String laptop = fx.login("minsu", PASSWORD);
    private final String phone = fx.login("minsu", PASSWORD);
    private final Group editors;

    AccountDeletionTest() {
        fx.gatehouse.permissions().registerResource("blog", "post");
        editors = fx.permissions.createGroup("editors");
        fx.permissions.grantToUser(minsu.id(), CHANGE_POST);
        fx.permissions.addToGroup(minsu.id(), editors.id());
    }

    @Test
    void deleteAccountWithTheRightPasswordRemovesUserSessionsGrantsAndUnsentMail() {
        fx.advance(Duration.ofMinutes(3));
        fx.reset().request("minsu@example.kr");
        OutboxMail sent = fx.outboxStore.claim(fx.clock.instant(), Duration.ofMinutes(1), 10).get(0);
        fx.outboxStore.markSent(sent.id(), fx.clock.instant());
        fx.advance(Duration.ofMinutes(3));
        fx.reset().request("minsu@example.kr");
        User jiwoo = fx.verifiedUser("jiwoo", "jiwoo@example.kr");

        DeletionResult result = accounts.deleteAccount(phone, PASSWORD);

        assertThat(result).isEqualTo(new DeletionResult.Deleted());
        assertThat(fx.userStore.findById(minsu.id())).isEmpty();
        assertThat(fx.byEmail("minsu@example.kr")).isEmpty();
        assertThat(fx.resolves(laptop)).isFalse();
        assertThat(fx.resolves(phone)).isFalse();
        assertThat(fx.gatehouse.sessions().sessionsOf(minsu.id())).isEmpty();
        assertThat(fx.permissions.grantedPermissions(minsu.id())).isEmpty();
        assertThat(fx.permissions.groupsOf(minsu.id())).isEmpty();
        assertThat(fx.mails()).filteredOn(m -> m.user().equals(java.util.Optional.of(minsu.id())))
                .as("only the mail already sent is left").containsExactly(fx.outboxStore.find(sent.id()).orElseThrow());
        assertThat(fx.mailsTo("jiwoo@example.kr")).hasSize(1);
        assertThat(fx.stored(jiwoo.id())).isEqualTo(jiwoo);
        assertThat(fx.tryLogin("minsu", PASSWORD)).isInstanceOf(LoginResult.InvalidCredentials.class);
    }

    @Test
    void deleteAccountWithAWrongPasswordIsRefusedAndThrottled() {
        for (int i = 0; i < 5; i++) {
            assertThat(accounts.deleteAccount(laptop, "wrong " + i)).isEqualTo(new DeletionResult.WrongPassword());
        }

        DeletionResult throttled = accounts.deleteAccount(laptop, PASSWORD);

        assertThat(throttled).isInstanceOf(DeletionResult.Throttled.class);
        assertThat(((DeletionResult.Throttled) throttled).retryAfter()).isPositive();
        assertThat(fx.stored(minsu.id())).isNotNull();
        assertThat(fx.resolves(laptop)).isTrue();
        assertThat(fx.permissions.directPermissions(minsu.id())).containsExactly(CHANGE_POST);
        assertThat(fx.tryLogin("minsu", PASSWORD)).as("wrong guesses count against logins too")
                .isInstanceOf(LoginResult.Throttled.class);
    }

    @Test
    void deleteAccountWhenNotLoggedInThenNothing() {
        fx.gatehouse.authenticator().logout(laptop);

        assertThat(accounts.deleteAccount(laptop, PASSWORD)).isEqualTo(new DeletionResult.NotLoggedIn());
        assertThat(accounts.deleteAccount("", PASSWORD)).isEqualTo(new DeletionResult.NotLoggedIn());
        assertThat(fx.stored(minsu.id())).isNotNull();
    }

    @Test
    void deleteAccountHashesOutsideAndDeletesEverythingInOneTransaction() {
        fx.tx.clear();

        accounts.deleteAccount(laptop, PASSWORD);

        assertThat(fx.tx.outside()).containsExactly("hash");
        assertThat(fx.tx.transactions()).containsExactly(List.of("outbox.deleteUnsent", "users.delete"));
    }

    @Test
    void adminDeleteAlsoDropsUnsentMail() {
        fx.advance(Duration.ofMinutes(3));
        fx.reset().request("minsu@example.kr");

        assertThat(accounts.delete(minsu.id())).isTrue();

        assertThat(fx.mails()).filteredOn(m -> m.user().isPresent() && m.user().get() == minsu.id()).isEmpty();
    }
}
