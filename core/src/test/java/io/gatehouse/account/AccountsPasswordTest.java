package io.gatehouse.account;

import static io.gatehouse.account.AccountsFixture.NEW_PASSWORD;
import static io.gatehouse.account.AccountsFixture.PASSWORD;
import static io.gatehouse.account.AccountsFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.InvalidInputException;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.password.validation.WeakPasswordException;
import io.gatehouse.user.AdminUserUpdate;
import io.gatehouse.user.ProfileUpdate;
import io.gatehouse.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** changePassword (Django's password change with update_session_auth_hash) and setPassword. */
class AccountsPasswordTest {
    private final AccountsFixture fx = new AccountsFixture();
    private final Accounts accounts = fx.accounts;
    private final User alice = fx.alice();
    private final String browserA = fx.login("alice", PASSWORD);
    private final String browserB = fx.login("alice", PASSWORD);

    @Test
    void changePasswordContinuesTheCurrentSessionUnderANewIdAndEndsEveryOther() {
        PasswordChange result = accounts.changePassword(browserA, PASSWORD, NEW_PASSWORD);

        assertThat(result).isInstanceOf(PasswordChange.Changed.class);
        String continued = ((PasswordChange.Changed) result).session().id();
        assertThat(continued).isNotEqualTo(browserA).isNotEqualTo(browserB);
        assertThat(fx.resolves(continued)).isTrue();
        assertThat(fx.resolves(browserA)).as("A's old id").isFalse();
        assertThat(fx.resolves(browserB)).as("B's session").isFalse();
        assertThat(fx.gatehouse.sessions().sessionsOf(alice.id())).hasSize(1);
    }

    @Test
    void changePasswordThenTheNewPasswordLogsInAndTheOldDoesNot() {
        accounts.changePassword(browserA, PASSWORD, NEW_PASSWORD);

        assertThat(fx.canLogIn("alice", NEW_PASSWORD)).isTrue();
        assertThat(fx.canLogIn("alice", PASSWORD)).isFalse();
        assertThat(fx.hasher.matches(NEW_PASSWORD, fx.stored(alice.id()).passwordHash())).isTrue();
    }

    @Test
    void changePasswordPublishesPasswordChanged() {
        fx.clock.advance(Duration.ofMinutes(5));

        accounts.changePassword(browserA, PASSWORD, NEW_PASSWORD);

        assertThat(fx.eventsOf(AuthEvent.PasswordChanged.class))
                .containsExactly(new AuthEvent.PasswordChanged(alice.id(), T0.plus(Duration.ofMinutes(5))));
    }

    @Test
    void changePasswordKeepsTheContinuedSessionsAbsoluteExpiry() {
        fx.clock.advance(Duration.ofDays(1));

        PasswordChange.Changed changed = (PasswordChange.Changed) accounts.changePassword(browserA, PASSWORD,
                NEW_PASSWORD);

        assertThat(changed.session().session().expiresAt()).isEqualTo(T0.plus(Duration.ofDays(14)));
    }

    @Test
    void changePasswordWhenCurrentPasswordWrongThenWrongPasswordAndNothingChanged() {
        fx.hasher.reset();

        PasswordChange result = accounts.changePassword(browserA, "not " + PASSWORD, NEW_PASSWORD);

        assertThat(result).isEqualTo(new PasswordChange.WrongPassword());
        assertNothingChanged();
    }

    @Test
    void changePasswordWhenCurrentPasswordGuessedRepeatedlyThenThrottledLikeLogins() {
        // Attack: a stolen session cookie used as an oracle to guess the account's password.
        for (int i = 0; i < 5; i++) {
            assertThat(accounts.changePassword(browserA, "guess " + i, NEW_PASSWORD))
                    .isEqualTo(new PasswordChange.WrongPassword());
        }
        fx.hasher.reset();

        PasswordChange sixth = accounts.changePassword(browserA, PASSWORD, NEW_PASSWORD);

        assertThat(sixth).isEqualTo(new PasswordChange.Throttled(Duration.ofMinutes(1)));
        assertThat(fx.hasher.hashes()).isZero();
        assertNothingChanged();
        fx.clock.advance(Duration.ofMinutes(1));
        assertThat(accounts.changePassword(browserA, PASSWORD, NEW_PASSWORD)).isInstanceOf(PasswordChange.Changed.class);
    }

    @Test
    void changePasswordWhenNewPasswordWeakThenRejectedWithEveryViolationAndNothingChanged() {
        fx.hasher.reset();

        PasswordChange result = accounts.changePassword(browserA, PASSWORD, "12345678");

        assertThat(result).isInstanceOf(PasswordChange.Rejected.class);
        assertThat(((PasswordChange.Rejected) result).violations()).extracting(PasswordViolation::code)
                .containsExactly("password_too_short", "password_too_common", "password_entirely_numeric");
        assertNothingChanged();
    }

    @Test
    void changePasswordWhenNewPasswordSimilarToTheUsersNamesThenRejected() {
        User named = accounts.updateProfile(alice.id(),
                new ProfileUpdate("Bartholomew", "Featherstonehaugh", alice.locale()));
        String session = fx.login("alice", PASSWORD);

        PasswordChange result = accounts.changePassword(session, PASSWORD, "featherstonehaugh");

        assertThat(result).isInstanceOf(PasswordChange.Rejected.class);
        assertThat(((PasswordChange.Rejected) result).violations()).extracting(PasswordViolation::code)
                .containsExactly("password_too_similar");
        assertThat(fx.stored(named.id()).passwordHash()).isEqualTo(alice.passwordHash());
    }

    @Test
    void changePasswordWhenSessionUnknownOrMalformedThenNotLoggedIn() {
        fx.hasher.reset();

        assertThat(accounts.changePassword("A".repeat(43), PASSWORD, NEW_PASSWORD))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertThat(accounts.changePassword("junk; Path=/", PASSWORD, NEW_PASSWORD))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertThat(accounts.changePassword("", PASSWORD, NEW_PASSWORD))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertNothingChanged();
    }

    @Test
    void changePasswordWhenSessionLoggedOutThenNotLoggedInAndPasswordUnchanged() {
        fx.gatehouse.authenticator().logout(browserA);

        assertThat(accounts.changePassword(browserA, PASSWORD, NEW_PASSWORD))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertThat(fx.stored(alice.id()).passwordHash()).isEqualTo(alice.passwordHash());
        assertThat(fx.resolves(browserB)).isTrue();
    }

    @Test
    void changePasswordWhenSessionExpiredThenNotLoggedIn() {
        fx.clock.advance(Duration.ofDays(14));

        assertThat(accounts.changePassword(browserA, PASSWORD, NEW_PASSWORD))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertThat(fx.stored(alice.id()).passwordHash()).isEqualTo(alice.passwordHash());
    }

    @Test
    void changePasswordFromAnEndedSessionFailsEvenWithTheNewPassword() {
        // Attack: someone holding B's cookie learns the new password and tries to change it back from B.
        accounts.changePassword(browserA, PASSWORD, NEW_PASSWORD);
        String afterChange = fx.stored(alice.id()).passwordHash();

        assertThat(accounts.changePassword(browserB, NEW_PASSWORD, PASSWORD))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertThat(accounts.changePassword(browserA, NEW_PASSWORD, PASSWORD))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertThat(fx.stored(alice.id()).passwordHash()).isEqualTo(afterChange);
    }

    @Test
    void changePasswordWhenAnAdministratorSetThePasswordMeanwhileThenNotLoggedIn() {
        accounts.setPassword(alice.id(), NEW_PASSWORD);
        String setByAdmin = fx.stored(alice.id()).passwordHash();

        assertThat(accounts.changePassword(browserA, NEW_PASSWORD, "a third password, long enough"))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertThat(fx.stored(alice.id()).passwordHash()).isEqualTo(setByAdmin);
    }

    @Test
    void changePasswordWhenTheHashChangedInTheStoreMeanwhileThenNotLoggedIn() {
        // Another node (or a reset flow) wrote a new hash without revoking sessions here: the sessions'
        // auth hashes no longer match, so they cannot be used to change the password again.
        String otherHash = fx.hasher.encode(NEW_PASSWORD);
        fx.users.update(alice.toBuilder().passwordHash(otherHash).buildUser());

        assertThat(accounts.changePassword(browserA, NEW_PASSWORD, "a third password, long enough"))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertThat(fx.stored(alice.id()).passwordHash()).isEqualTo(otherHash);
    }

    @Test
    void changePasswordWhenUserDeactivatedThenNotLoggedIn() {
        accounts.updateFlags(alice.id(), AdminUserUpdate.of(alice).withActive(false));

        assertThat(accounts.changePassword(browserA, PASSWORD, NEW_PASSWORD))
                .isEqualTo(new PasswordChange.NotLoggedIn());
        assertThat(fx.stored(alice.id()).passwordHash()).isEqualTo(alice.passwordHash());
    }

    @Test
    void changePasswordWhenArgumentNullThenNullPointerNamingIt() {
        assertThatThrownBy(() -> accounts.changePassword(null, PASSWORD, NEW_PASSWORD))
                .isInstanceOf(NullPointerException.class).hasMessage("sessionId");
        assertThatThrownBy(() -> accounts.changePassword(browserA, null, NEW_PASSWORD))
                .isInstanceOf(NullPointerException.class).hasMessage("currentPassword");
        assertThatThrownBy(() -> accounts.changePassword(browserA, PASSWORD, null))
                .isInstanceOf(NullPointerException.class).hasMessage("newPassword");
    }

    @Test
    void setPasswordStoresTheNewHashAndEndsEverySessionOfTheUser() {
        User changed = accounts.setPassword(alice.id(), NEW_PASSWORD);

        assertThat(fx.stored(alice.id())).isEqualTo(changed);
        assertThat(fx.resolves(browserA)).isFalse();
        assertThat(fx.resolves(browserB)).isFalse();
        assertThat(fx.gatehouse.sessions().sessionsOf(alice.id())).isEmpty();
        assertThat(fx.canLogIn("alice", NEW_PASSWORD)).isTrue();
        assertThat(fx.canLogIn("alice", PASSWORD)).isFalse();
    }

    @Test
    void setPasswordLeavesOtherUsersSessionsAlone() {
        accounts.createUser("bob", "bob@example.com", PASSWORD);
        String bobs = fx.login("bob", PASSWORD);

        accounts.setPassword(alice.id(), NEW_PASSWORD);

        assertThat(fx.resolves(bobs)).isTrue();
    }

    @Test
    void setPasswordToTheSamePasswordStillEndsEverySession() {
        accounts.setPassword(alice.id(), PASSWORD);

        assertThat(fx.resolves(browserA)).isFalse();
        assertThat(fx.resolves(browserB)).isFalse();
        assertThat(fx.canLogIn("alice", PASSWORD)).isTrue();
    }

    @Test
    void setPasswordPublishesPasswordChanged() {
        accounts.setPassword(alice.id(), NEW_PASSWORD);

        assertThat(fx.eventsOf(AuthEvent.PasswordChanged.class))
                .containsExactly(new AuthEvent.PasswordChanged(alice.id(), T0));
    }

    @Test
    void setPasswordWhenWeakThenWeakPasswordWithEveryViolationAndNothingChanged() {
        fx.hasher.reset();

        WeakPasswordException e = catchThrowableOfType(WeakPasswordException.class,
                () -> accounts.setPassword(alice.id(), "12345678"));

        assertThat(e.field()).isEqualTo("password");
        assertThat(e.violations()).extracting(PasswordViolation::code)
                .containsExactly("password_too_short", "password_too_common", "password_entirely_numeric");
        assertNothingChanged();
    }

    @Test
    void setPasswordWhenSimilarToTheUsernameThenWeakPassword() {
        User margaret = accounts.createUser("margaret.hamilton", "mh@example.com", PASSWORD);

        WeakPasswordException e = catchThrowableOfType(WeakPasswordException.class,
                () -> accounts.setPassword(margaret.id(), "margarethamilton"));

        assertThat(e.violations()).extracting(PasswordViolation::code).containsExactly("password_too_similar");
        assertThat(fx.stored(margaret.id()).passwordHash()).isEqualTo(margaret.passwordHash());
    }

    @Test
    void setPasswordWhenUserUnknownThenInvalidInputNamingUserIdBeforeAnyHash() {
        fx.hasher.reset();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.setPassword(alice.id() + 1, NEW_PASSWORD));

        assertThat(e.field()).isEqualTo("userId");
        assertThat(fx.hasher.encodes()).isZero();
    }

    private void assertNothingChanged() {
        assertThat(fx.stored(alice.id())).isEqualTo(alice.toBuilder().lastLogin(T0).buildUser());
        assertThat(fx.resolves(browserA)).as("A").isTrue();
        assertThat(fx.resolves(browserB)).as("B").isTrue();
        assertThat(fx.hasher.encodes()).as("hashes encoded").isZero();
        assertThat(fx.eventsOf(AuthEvent.PasswordChanged.class)).isEmpty();
    }
}
