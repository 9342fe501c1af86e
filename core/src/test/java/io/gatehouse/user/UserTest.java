package io.gatehouse.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTest {
    static final String HASH = "bcrypt_sha256$$2b$12$SECRETHASHVALUEdoNotLeak0123456789abcdefghijklm";
    static final Instant JOINED = Instant.parse("2024-03-01T12:34:56.789Z");
    static final Instant LOGIN = Instant.parse("2024-05-17T08:09:10.123Z");

    static User user(long id, String username, String email, String hash, String firstName) {
        return new User(id, username, email, hash, firstName, "", true, false, false, false, JOINED, null,
                Locale.ENGLISH);
    }

    @Test
    void toStringNeverContainsThePasswordHash() {
        User user = new User(7, "alice", "alice@example.com", HASH, "Alice", "Liddell", true, true, true, true,
                JOINED, LOGIN, Locale.ENGLISH);

        assertThat(user.toString()).doesNotContain(HASH).doesNotContain("SECRETHASHVALUE")
                .doesNotContain("passwordHash").contains("id=7").contains("username=alice");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void rejectsAnIdThatIsNotPositive(long id) {
        assertThatThrownBy(() -> user(id, "alice", "alice@example.com", HASH, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id must be positive");
    }

    @Test
    void acceptsIdOne() {
        assertThat(user(1, "alice", "alice@example.com", HASH, "").id()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ａｌｉｃｅ", "ﬁle", "\u212Aelvin", "\u1100\u1161"})
    void rejectsAUsernameThatIsNotNormalised(String username) {
        assertThatThrownBy(() -> user(1, username, "alice@example.com", HASH, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Username.normalize");
    }

    @Test
    void rejectsAnInvalidUsernameNamingTheField() {
        assertThatThrownBy(() -> user(1, "al ice", "alice@example.com", HASH, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"));
    }

    @Test
    void acceptsAKoreanUsername() {
        assertThat(user(1, "김민준", "kim@example.com", HASH, "민준").username()).isEqualTo("김민준");
    }

    @Test
    void rejectsAnEmptyPasswordHash() {
        assertThatThrownBy(() -> user(1, "alice", "alice@example.com", "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passwordHash must not be empty");
    }

    @Test
    void rejectsAMalformedEmailNamingTheField() {
        assertThatThrownBy(() -> user(1, "alice", "alice@example.com\r\nBcc: x@y.com", HASH, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.code()).isEqualTo("email_invalid");
                });
    }

    @Test
    void acceptsAFirstNameOf150CodePointsAndRejects151() {
        assertThat(user(1, "alice", "alice@example.com", HASH, "가".repeat(150)).firstName()).hasSize(150);
        assertThatThrownBy(() -> user(1, "alice", "alice@example.com", HASH, "가".repeat(151)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("firstName");
                    assertThat(e.code()).isEqualTo("firstName_too_long");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice\r\nBcc: x@y.com", "A\u0000", "A\tB", "\u007F"})
    void rejectsControlCharactersInNames(String name) {
        assertThatThrownBy(() -> user(1, "alice", "alice@example.com", HASH, name))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("firstName");
                    assertThat(e.code()).isEqualTo("firstName_invalid_character");
                });
    }

    @Test
    void rejectsNullComponentsNamingThem() {
        assertThatThrownBy(() -> user(1, null, "alice@example.com", HASH, ""))
                .isInstanceOf(NullPointerException.class).hasMessage("username");
        assertThatThrownBy(() -> user(1, "alice", "alice@example.com", null, ""))
                .isInstanceOf(NullPointerException.class).hasMessage("passwordHash");
        assertThatThrownBy(() -> new User(1, "alice", "alice@example.com", HASH, "", "", true, false, false, false,
                null, null, Locale.ENGLISH)).isInstanceOf(NullPointerException.class).hasMessage("dateJoined");
        assertThatThrownBy(() -> new User(1, "alice", "alice@example.com", HASH, "", "", true, false, false, false,
                JOINED, null, null)).isInstanceOf(NullPointerException.class).hasMessage("locale");
    }

    @Test
    void lastLoginTimeIsEmptyUntilTheFirstLogin() {
        User never = user(1, "alice", "alice@example.com", HASH, "");
        User once = never.toBuilder().lastLogin(LOGIN).buildUser();

        assertThat(never.lastLoginTime()).isEmpty();
        assertThat(once.lastLoginTime()).contains(LOGIN);
    }

    @Test
    void keysAreTheCanonicalForms() {
        User user = user(1, "Alice", "Alice@Example.COM", HASH, "");

        assertThat(user.usernameKey()).isEqualTo("alice");
        assertThat(user.emailKey()).isEqualTo("alice@example.com");
        assertThat(user.email()).as("the email is kept as given").isEqualTo("Alice@Example.COM");
    }
}
