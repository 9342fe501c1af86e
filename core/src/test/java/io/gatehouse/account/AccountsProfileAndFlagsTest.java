package io.gatehouse.account;

import static io.gatehouse.account.AccountsFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.InvalidInputException;
import io.gatehouse.session.ResolvedSession;
import io.gatehouse.user.AdminUserUpdate;
import io.gatehouse.user.ProfileUpdate;
import io.gatehouse.user.User;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccountsProfileAndFlagsTest {
    private final AccountsFixture fx = new AccountsFixture();
    private final Accounts accounts = fx.accounts;

    @Test
    void updateProfileChangesNamesAndLocaleOnly() {
        User alice = fx.alice();

        User updated = accounts.updateProfile(alice.id(), new ProfileUpdate("Alice", "Liddell", Locale.KOREAN));

        assertThat(updated.firstName()).isEqualTo("Alice");
        assertThat(updated.lastName()).isEqualTo("Liddell");
        assertThat(updated.locale()).isEqualTo(Locale.KOREAN);
        assertThat(fx.stored(alice.id())).isEqualTo(updated);
        assertThat(updated).usingRecursiveComparison().ignoringFields("firstName", "lastName", "locale")
                .isEqualTo(alice);
    }

    @Test
    void updateProfileNeverClearsTheFlagsOfAStaffSuperuser() {
        User root = accounts.createSuperuser("root", "root@example.com", PASSWORD);

        accounts.updateProfile(root.id(), new ProfileUpdate("Ro", "Ot", Locale.ENGLISH));

        User stored = fx.stored(root.id());
        assertThat(stored.staff()).isTrue();
        assertThat(stored.superuser()).isTrue();
        assertThat(stored.active()).isTrue();
        assertThat(stored.emailVerified()).isTrue();
        assertThat(stored.passwordHash()).isEqualTo(root.passwordHash());
    }

    @Test
    void updateProfileNeverGrantsFlagsToAPlainUser() {
        User alice = fx.alice();

        accounts.updateProfile(alice.id(), new ProfileUpdate("Alice", "", Locale.ENGLISH));

        User stored = fx.stored(alice.id());
        assertThat(stored.staff()).isFalse();
        assertThat(stored.superuser()).isFalse();
        assertThat(stored.username()).isEqualTo("alice");
        assertThat(stored.email()).isEqualTo("alice@example.com");
    }

    @Test
    void updateProfileKeepsTheUserLoggedIn() {
        User alice = fx.alice();
        String session = fx.login("alice", PASSWORD);

        accounts.updateProfile(alice.id(), new ProfileUpdate("Alice", "Liddell", Locale.ENGLISH));

        assertThat(fx.gatehouse.sessions().resolve(session)).map(ResolvedSession::user).map(User::lastName)
                .contains("Liddell");
    }

    @Test
    void updateProfileWhenUserUnknownThenInvalidInputNamingUserId() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.updateProfile(42, new ProfileUpdate("Eve", "", Locale.ENGLISH)));

        assertThat(e.field()).isEqualTo("userId");
        assertThat(e.code()).isEqualTo("user_not_found");
        assertThat(e).hasMessageContaining("42");
        assertThat(fx.allUsers()).isEmpty();
    }

    @Test
    void updateProfileWhenFirstNameOverLongThenInvalidInputNamingFirstNameAndNothingStored() {
        User alice = fx.alice();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.updateProfile(alice.id(), new ProfileUpdate("x".repeat(151), "", Locale.ENGLISH)));

        assertThat(e.field()).isEqualTo("firstName");
        assertThat(e.code()).isEqualTo("firstName_too_long");
        assertThat(fx.stored(alice.id())).isEqualTo(alice);
    }

    @Test
    void updateProfileAcceptsANameAtTheLengthLimit() {
        User alice = fx.alice();

        User updated = accounts.updateProfile(alice.id(), new ProfileUpdate("x".repeat(150), "", Locale.ENGLISH));

        assertThat(fx.stored(alice.id()).firstName()).isEqualTo(updated.firstName()).hasSize(150);
    }

    @Test
    void updateProfileWhenLastNameHoldsALineBreakThenInvalidInputNamingLastName() {
        User alice = fx.alice();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.updateProfile(alice.id(), new ProfileUpdate("", "Liddell\r\nX-Evil: 1", Locale.ENGLISH)));

        assertThat(e.field()).isEqualTo("lastName");
        assertThat(fx.stored(alice.id())).isEqualTo(alice);
    }

    @Test
    void updateProfileWhenUpdateNullThenNullPointerNamingIt() {
        User alice = fx.alice();

        assertThatThrownBy(() -> accounts.updateProfile(alice.id(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("update");
    }

    @Test
    void updateFlagsSetsExactlyTheFourFlags() {
        User alice = fx.alice();

        User updated = accounts.updateFlags(alice.id(),
                AdminUserUpdate.of(alice).withStaff(true).withEmailVerified(false));

        assertThat(fx.stored(alice.id())).isEqualTo(updated);
        assertThat(updated.staff()).isTrue();
        assertThat(updated.emailVerified()).isFalse();
        assertThat(updated.superuser()).isFalse();
        assertThat(updated).usingRecursiveComparison().ignoringFields("staff", "emailVerified").isEqualTo(alice);
    }

    @Test
    void updateFlagsWhenUserDeactivatedThenTheirLiveSessionsStopResolving() {
        User alice = fx.alice();
        String laptop = fx.login("alice", PASSWORD);
        String phone = fx.login("alice", PASSWORD);

        accounts.updateFlags(alice.id(), AdminUserUpdate.of(alice).withActive(false));

        assertThat(fx.resolves(laptop)).isFalse();
        assertThat(fx.resolves(phone)).isFalse();
        assertThat(fx.gatehouse.sessions().sessionsOf(alice.id())).isEmpty();
    }

    @Test
    void updateFlagsWhenUserDeactivatedAndReactivatedThenTheOldSessionsStayDead() {
        // Attack: an account is deactivated because a session was stolen; reactivating it must not
        // revive the stolen session, even if nobody presented it while the account was inactive.
        User alice = fx.alice();
        String stolen = fx.login("alice", PASSWORD);

        User inactive = accounts.updateFlags(alice.id(), AdminUserUpdate.of(alice).withActive(false));
        accounts.updateFlags(alice.id(), AdminUserUpdate.of(inactive).withActive(true));

        assertThat(fx.resolves(stolen)).isFalse();
        assertThat(fx.canLogIn("alice", PASSWORD)).isTrue();
    }

    @Test
    void updateFlagsWhenUserDeactivatedThenTheyCannotLogIn() {
        User alice = fx.alice();

        accounts.updateFlags(alice.id(), AdminUserUpdate.of(alice).withActive(false));

        assertThat(fx.canLogIn("alice", PASSWORD)).isFalse();
    }

    @Test
    void updateFlagsWhenPrivilegesChangeThenLiveSessionsContinueWithTheNewFlags() {
        User root = accounts.createSuperuser("root", "root@example.com", PASSWORD);
        String session = fx.login("root", PASSWORD);

        accounts.updateFlags(root.id(), AdminUserUpdate.of(root).withSuperuser(false).withStaff(false));

        ResolvedSession resolved = fx.gatehouse.sessions().resolve(session).orElseThrow();
        assertThat(resolved.subject().isSuperuser()).isFalse();
        assertThat(resolved.subject().isStaff()).isFalse();
        assertThat(resolved.subject().hasPerm("blog.delete_post")).isFalse();
    }

    @Test
    void updateFlagsWhenUserUnknownThenInvalidInputNamingUserId() {
        User alice = fx.alice();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.updateFlags(alice.id() + 1, AdminUserUpdate.of(alice).withSuperuser(true)));

        assertThat(e.field()).isEqualTo("userId");
        assertThat(fx.allUsers()).containsExactly(alice);
    }
}
