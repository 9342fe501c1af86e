package io.gatehouse.user;

import static io.gatehouse.user.UserTest.HASH;
import static io.gatehouse.user.UserTest.JOINED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NewUserTest {
    private static NewUser draft(String username, String email, String hash) {
        return new NewUser(username, email, hash, "Alice", "Liddell", true, true, true, true, JOINED,
                Locale.ENGLISH);
    }

    @Test
    void toStringNeverContainsThePasswordHash() {
        assertThat(draft("alice", "alice@example.com", HASH).toString()).doesNotContain(HASH)
                .doesNotContain("SECRETHASHVALUE").doesNotContain("passwordHash").contains("username=alice");
    }

    @Test
    void withIdKeepsEveryComponentAndHasNoLastLogin() {
        NewUser draft = draft("alice", "alice@example.com", HASH);

        User user = draft.withId(42);

        assertThat(user).isEqualTo(new User(42, "alice", "alice@example.com", HASH, "Alice", "Liddell", true, true,
                true, true, JOINED, null, Locale.ENGLISH));
    }

    @Test
    void withIdRejectsAnIdThatIsNotPositive() {
        assertThatThrownBy(() -> draft("alice", "alice@example.com", HASH).withId(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAUsernameThatIsNotNormalised() {
        assertThatThrownBy(() -> draft("Ａｌｉｃｅ", "alice@example.com", HASH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normalised");
    }

    @Test
    void rejectsAnEmptyPasswordHash() {
        assertThatThrownBy(() -> draft("alice", "alice@example.com", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passwordHash");
    }

    @Test
    void rejectsAMalformedEmailNamingTheField() {
        assertThatThrownBy(() -> draft("alice", "alice@@example.com", HASH))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void keysAreTheCanonicalForms() {
        NewUser draft = draft("Alice", "ALICE@example.com", HASH);

        assertThat(draft.usernameKey()).isEqualTo("alice");
        assertThat(draft.emailKey()).isEqualTo("alice@example.com");
    }
}
