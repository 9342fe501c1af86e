package io.gatehouse.user;

import static io.gatehouse.user.UserTest.HASH;
import static io.gatehouse.user.UserTest.JOINED;
import static io.gatehouse.user.UserTest.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UserBuilderTest {
    private static final User FULL = new User(9, "김민준", "Kim@Example.kr", HASH, "민준", "김", false, true, true,
            true, JOINED, LOGIN, Locale.forLanguageTag("ko-KR"));

    @Test
    void toBuilderThenBuildUserGivesAnEqualUser() {
        assertThat(FULL.toBuilder().buildUser()).isEqualTo(FULL);
        User minimal = UserBuilder.create("alice", "alice@example.com", HASH, JOINED).build().withId(1);
        assertThat(minimal.toBuilder().buildUser()).isEqualTo(minimal);
    }

    @Test
    void createStartsAnActiveUnprivilegedUnverifiedUser() {
        NewUser draft = UserBuilder.create("alice", "alice@example.com", HASH, JOINED).build();

        assertThat(draft).isEqualTo(new NewUser("alice", "alice@example.com", HASH, "", "", true, false, false,
                false, JOINED, Locale.ENGLISH));
    }

    @Test
    void createNormalisesTheUsername() {
        assertThat(UserBuilder.create("Ａｌｉｃｅ", "alice@example.com", HASH, JOINED).build().username())
                .isEqualTo("Alice");
        assertThat(FULL.toBuilder().username("ﬁle").buildUser().username()).isEqualTo("file");
    }

    @Test
    void createRejectsAnInvalidUsernameAtOnce() {
        assertThatThrownBy(() -> UserBuilder.create("a b", "alice@example.com", HASH, JOINED))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"));
    }

    @Test
    void buildValidatesTheEmail() {
        UserBuilder builder = UserBuilder.create("alice", "not-an-address", HASH, JOINED);

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void settersChangeOnlyTheirField() {
        User changed = FULL.toBuilder().firstName("Minjun").buildUser();

        assertThat(changed).isEqualTo(new User(9, "김민준", "Kim@Example.kr", HASH, "Minjun", "김", false, true, true,
                true, JOINED, LOGIN, Locale.forLanguageTag("ko-KR")));
    }

    @Test
    void everySetterIsApplied() {
        User changed = FULL.toBuilder().username("bob").email("bob@example.com").passwordHash("other$hash")
                .firstName("Bob").lastName("Builder").active(true).staff(false).superuser(false).emailVerified(false)
                .lastLogin(null).locale(Locale.GERMAN).buildUser();

        assertThat(changed).isEqualTo(new User(9, "bob", "bob@example.com", "other$hash", "Bob", "Builder", true,
                false, false, false, JOINED, null, Locale.GERMAN));
    }

    @Test
    void changingABuilderDoesNotChangeTheUserItCameFrom() {
        UserBuilder builder = FULL.toBuilder();
        builder.firstName("Changed").superuser(false);

        assertThat(FULL.firstName()).isEqualTo("민준");
        assertThat(FULL.superuser()).isTrue();
    }

    @Test
    void buildUserWithoutAnIdIsRefused() {
        UserBuilder builder = UserBuilder.create("alice", "alice@example.com", HASH, JOINED);

        assertThatThrownBy(builder::buildUser).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use build()");
    }

    @Test
    void buildFromAStoredUserDropsTheIdAndLastLogin() {
        NewUser draft = FULL.toBuilder().build();

        assertThat(draft.withId(FULL.id())).isEqualTo(FULL.toBuilder().lastLogin(null).buildUser());
    }

    @Test
    void buildRejectsAnEmptyPasswordHash() {
        UserBuilder builder = UserBuilder.create("alice", "alice@example.com", "", JOINED);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passwordHash");
    }
}
