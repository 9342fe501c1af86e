package io.gatehouse.account;

import static io.gatehouse.account.AccountsFixture.PASSWORD;
import static io.gatehouse.account.AccountsFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.InvalidInputException;
import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.password.validation.WeakPasswordException;
import io.gatehouse.user.DuplicateUserException;
import io.gatehouse.user.User;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountsCreateTest {
    private final AccountsFixture fx = new AccountsFixture();
    private final Accounts accounts = fx.accounts;

    @Test
    void createUserStoresAnActiveVerifiedUnprivilegedUser() {
        User alice = accounts.createUser("alice", "Alice@Example.com", PASSWORD);

        assertThat(fx.stored(alice.id())).isEqualTo(alice);
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.email()).isEqualTo("Alice@Example.com");
        assertThat(alice.active()).isTrue();
        assertThat(alice.emailVerified()).isTrue();
        assertThat(alice.staff()).isFalse();
        assertThat(alice.superuser()).isFalse();
        assertThat(alice.dateJoined()).isEqualTo(T0);
        assertThat(alice.lastLoginTime()).isEmpty();
    }

    @Test
    void createSuperuserStoresAnActiveVerifiedStaffSuperuser() {
        User root = accounts.createSuperuser("root", "root@example.com", PASSWORD);

        User stored = fx.stored(root.id());
        assertThat(stored.active()).isTrue();
        assertThat(stored.emailVerified()).isTrue();
        assertThat(stored.staff()).isTrue();
        assertThat(stored.superuser()).isTrue();
    }

    @Test
    void createUserStoresOnlyASlowSaltedHashOfThePassword() {
        User alice = fx.alice();

        assertThat(alice.passwordHash()).isNotEqualTo(PASSWORD).doesNotContain(PASSWORD)
                .startsWith("bcrypt_sha256$");
        assertThat(fx.hasher.matches(PASSWORD, alice.passwordHash())).isTrue();
        assertThat(fx.hasher.matches("wrong " + PASSWORD, alice.passwordHash())).isFalse();
        assertThat(fx.hasher.encodes()).isEqualTo(1);
    }

    @Test
    void createUserNormalisesTheUsernameToNfkc() {
        User fiona = accounts.createUser("\uFB01ona", "fiona@example.com", PASSWORD);

        assertThat(fiona.username()).isEqualTo("fiona");
    }

    @Test
    void createUserThenTheUserCanLogInWithTheUsernameOrTheEmail() {
        fx.alice();

        assertThat(fx.canLogIn("alice", PASSWORD)).isTrue();
        assertThat(fx.canLogIn("ALICE@example.com", PASSWORD)).isTrue();
    }

    @Test
    void createUserAcceptsAUsernameAtTheLengthLimit() {
        String longest = "a".repeat(150);

        assertThat(accounts.createUser(longest, "long@example.com", PASSWORD).username()).isEqualTo(longest);
    }

    @ParameterizedTest(name = "[{index}] username \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''              | username_blank",
        "' '             | username_invalid_character",
        "alice smith     | username_invalid_character",
        "alice<script>   | username_invalid_character",
    })
    void createUserWhenUsernameInvalidThenRejectedNamingUsernameBeforeAnyHash(String username, String code) {
        assertRejectedBeforeHashing(() -> accounts.createUser(username, "alice@example.com", PASSWORD),
                "username", code);
    }

    @Test
    void createUserWhenUsernameOneOverTheLimitThenRejectedNamingUsernameBeforeAnyHash() {
        assertRejectedBeforeHashing(() -> accounts.createUser("a".repeat(151), "alice@example.com", PASSWORD),
                "username", "username_too_long");
    }

    @ParameterizedTest(name = "[{index}] email \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                 | email_blank",
        "alice                              | email_invalid",
        "alice@                             | email_invalid",
        "@example.com                       | email_invalid",
        "alice@@example.com                 | email_invalid",
        "alice@example                      | email_invalid",
        "alice smith@example.com            | email_invalid",
    })
    void createUserWhenEmailMalformedThenRejectedNamingEmailBeforeAnyHash(String email, String code) {
        assertRejectedBeforeHashing(() -> accounts.createUser("alice", email, PASSWORD), "email", code);
    }

    @Test
    void createUserWhenUsernameHoldsALineBreakThenRejectedNamingUsername() {
        assertRejectedBeforeHashing(() -> accounts.createUser("alice\r\nBcc:", "alice@example.com", PASSWORD),
                "username", "username_invalid_character");
    }

    @Test
    void createUserWhenEmailCarriesAHeaderInjectionThenRejectedNamingEmail() {
        assertRejectedBeforeHashing(
                () -> accounts.createUser("alice", "alice@example.com\r\nBcc: eve@example.com", PASSWORD),
                "email", "email_invalid");
    }

    @Test
    void createSuperuserWhenEmailMalformedThenRejectedBeforeAnyHash() {
        assertRejectedBeforeHashing(() -> accounts.createSuperuser("root", "root@", PASSWORD),
                "email", "email_invalid");
    }

    @Test
    void createUserWhenPasswordIsShortCommonAndNumericThenReportsEveryViolation() {
        WeakPasswordException e = assertWeakBeforeHashing(
                () -> accounts.createUser("alice", "alice@example.com", "12345678"));

        assertThat(codes(e.violations())).containsExactly(
                "password_too_short", "password_too_common", "password_entirely_numeric");
        assertThat(e).hasMessageNotContaining("12345678");
    }

    @Test
    void createUserWhenPasswordIsCommonThenRejected() {
        WeakPasswordException e = assertWeakBeforeHashing(
                () -> accounts.createUser("alice", "alice@example.com", "password12345"));

        assertThat(codes(e.violations())).containsExactly("password_too_common");
    }

    @Test
    void createUserWhenPasswordIsLongButNumericThenRejected() {
        WeakPasswordException e = assertWeakBeforeHashing(
                () -> accounts.createUser("alice", "alice@example.com", "903817264501928374"));

        assertThat(codes(e.violations())).containsExactly("password_entirely_numeric");
    }

    @Test
    void createUserWhenPasswordIsSimilarToTheUsernameThenRejected() {
        WeakPasswordException e = assertWeakBeforeHashing(
                () -> accounts.createUser("margaret.hamilton", "mh@example.com", "margarethamilton"));

        assertThat(codes(e.violations())).containsExactly("password_too_similar");
    }

    @Test
    void createUserWhenPasswordIsSimilarToTheEmailThenRejected() {
        WeakPasswordException e = assertWeakBeforeHashing(
                () -> accounts.createUser("mh", "grace.hopper.navy@example.com", "gracehoppernavy"));

        assertThat(codes(e.violations())).containsExactly("password_too_similar");
    }

    @Test
    void createSuperuserWhenPasswordWeakThenRejectedBeforeAnyHash() {
        assertWeakBeforeHashing(() -> accounts.createSuperuser("root", "root@example.com", "short"));
    }

    @Test
    void createUserWhenArgumentNullThenNullPointerNamingIt() {
        assertThatThrownBy(() -> accounts.createUser(null, "alice@example.com", PASSWORD))
                .isInstanceOf(NullPointerException.class).hasMessage("username");
        assertThatThrownBy(() -> accounts.createUser("alice", null, PASSWORD))
                .isInstanceOf(NullPointerException.class).hasMessage("email");
        assertThatThrownBy(() -> accounts.createUser("alice", "alice@example.com", null))
                .isInstanceOf(NullPointerException.class).hasMessage("password");
        assertThat(fx.allUsers()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" after \"alice\"")
    @CsvSource({
        "ALICE",
        "Alice",
        // Fullwidth letters: NFKC makes them "ALICE", which then folds to "alice".
        "\uFF21\uFF2C\uFF29\uFF23\uFF25",
    })
    void createUserWhenUsernameTakenInAnotherCaseOrFormThenDuplicateAndStoreUnchanged(String username) {
        User alice = fx.alice();

        DuplicateUserException e = catchThrowableOfType(DuplicateUserException.class,
                () -> accounts.createUser(username, "someone.else@example.com", PASSWORD));

        assertThat(e.field()).isEqualTo("username");
        assertThat(fx.allUsers()).containsExactly(alice);
        assertThat(fx.users.findByEmail("someone.else@example.com")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" after \"alice@example.com\"")
    @CsvSource({
        "ALICE@EXAMPLE.COM",
        "Alice@example.com",
        "alice@\uFF45xample.com",
    })
    void createUserWhenEmailTakenInAnotherCaseOrFormThenDuplicateAndStoreUnchanged(String email) {
        User alice = fx.alice();

        DuplicateUserException e = catchThrowableOfType(DuplicateUserException.class,
                () -> accounts.createUser("bob", email, PASSWORD));

        assertThat(e.field()).isEqualTo("email");
        assertThat(fx.allUsers()).containsExactly(alice);
        assertThat(fx.users.findByUsername("bob")).isEmpty();
    }

    @Test
    void createSuperuserWhenUsernameTakenThenDuplicateAndNoSecondUser() {
        User alice = fx.alice();

        assertThatThrownBy(() -> accounts.createSuperuser("Alice", "root@example.com", PASSWORD))
                .isInstanceOf(DuplicateUserException.class);
        assertThat(fx.allUsers()).containsExactly(alice);
        assertThat(fx.stored(alice.id()).superuser()).isFalse();
    }

    private void assertRejectedBeforeHashing(ThrowingCallable create, String field, String code) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, create);

        assertThat(e).as("exception").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).doesNotContain(PASSWORD);
        assertNothingStoredOrHashed();
    }

    private WeakPasswordException assertWeakBeforeHashing(ThrowingCallable create) {
        WeakPasswordException e = catchThrowableOfType(WeakPasswordException.class, create);

        assertThat(e).as("exception").isNotNull();
        assertThat(e.field()).isEqualTo("password");
        assertThat(e.violations()).isNotEmpty();
        assertNothingStoredOrHashed();
        return e;
    }

    private void assertNothingStoredOrHashed() {
        assertThat(fx.allUsers()).isEmpty();
        assertThat(fx.hasher.encodes()).as("hashes computed").isZero();
        assertThat(fx.users.findByUsername("alice")).isEmpty();
    }

    private static List<String> codes(List<PasswordViolation> violations) {
        return violations.stream().map(PasswordViolation::code).toList();
    }
}
