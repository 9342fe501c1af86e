package io.gatehouse.user;

import static io.gatehouse.user.UserTest.HASH;
import static io.gatehouse.user.UserTest.JOINED;
import static io.gatehouse.user.UserTest.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProfileUpdateTest {
    private static final User SUPERUSER = new User(1, "root", "root@example.com", HASH, "Ada", "Admin", true, true,
            true, true, JOINED, LOGIN, Locale.ENGLISH);
    private static final User PLAIN = new User(2, "alice", "alice@example.com", HASH + "-alice", "Alice", "Liddell",
            true, false, false, false, JOINED, null, Locale.ENGLISH);
    private static final ProfileUpdate KOREAN = new ProfileUpdate("민준", "김", Locale.forLanguageTag("ko-KR"));

    @Test
    void applyToChangesTheNamesAndLocale() {
        User updated = KOREAN.applyTo(PLAIN);

        assertThat(updated.firstName()).isEqualTo("민준");
        assertThat(updated.lastName()).isEqualTo("김");
        assertThat(updated.locale()).isEqualTo(Locale.forLanguageTag("ko-KR"));
    }

    @Test
    void applyToAPlainUserCannotGrantAnyFlagOrChangeAnyOtherField() {
        assertOnlyProfileChanged(PLAIN, KOREAN.applyTo(PLAIN));
    }

    @Test
    void applyToAStaffSuperuserCannotRemoveAnyFlagOrChangeAnyOtherField() {
        assertOnlyProfileChanged(SUPERUSER, KOREAN.applyTo(SUPERUSER));
    }

    @Test
    void applyToKeepsEveryCombinationOfFlags() {
        for (int bits = 0; bits < 16; bits++) {
            User user = AdminUserUpdate.of(PLAIN).withActive((bits & 1) != 0).withStaff((bits & 2) != 0)
                    .withSuperuser((bits & 4) != 0).withEmailVerified((bits & 8) != 0).applyTo(PLAIN);

            assertThat(AdminUserUpdate.of(KOREAN.applyTo(user))).as("flags %s", bits)
                    .isEqualTo(AdminUserUpdate.of(user));
        }
    }

    @Test
    void carriesOnlyNamesAndLocaleSoAFormCannotBindAnythingElse() {
        List<String> components = Arrays.stream(ProfileUpdate.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(components).containsExactly("firstName", "lastName", "locale");
    }

    @Test
    void ofTheUserThenApplyToChangesNothing() {
        assertThat(ProfileUpdate.of(SUPERUSER).applyTo(SUPERUSER)).isEqualTo(SUPERUSER);
        assertThat(ProfileUpdate.of(PLAIN).applyTo(PLAIN)).isEqualTo(PLAIN);
    }

    @Test
    void acceptsEmptyNamesAndNamesOf150CodePoints() {
        assertThat(new ProfileUpdate("", "", Locale.ROOT).applyTo(PLAIN).firstName()).isEmpty();
        assertThat(new ProfileUpdate("가".repeat(150), "x", Locale.ROOT).firstName()).hasSize(150);
    }

    @Test
    void rejectsANameOf151CodePointsNamingTheField() {
        assertRejected(() -> new ProfileUpdate("가".repeat(151), "", Locale.ROOT), "firstName", "firstName_too_long");
        assertRejected(() -> new ProfileUpdate("", "x".repeat(151), Locale.ROOT), "lastName", "lastName_too_long");
    }

    @Test
    void rejectsControlCharactersNamingTheField() {
        assertRejected(() -> new ProfileUpdate("Alice\r\nBcc: x@y.com", "", Locale.ROOT), "firstName",
                "firstName_invalid_character");
        assertRejected(() -> new ProfileUpdate("", "A\u0000", Locale.ROOT), "lastName", "lastName_invalid_character");
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> new ProfileUpdate(null, "", Locale.ROOT)).isInstanceOf(NullPointerException.class)
                .hasMessage("firstName");
        assertThatThrownBy(() -> new ProfileUpdate("", "", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("locale");
        assertThatThrownBy(() -> KOREAN.applyTo(null)).isInstanceOf(NullPointerException.class);
    }

    private static void assertOnlyProfileChanged(User before, User after) {
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.username()).isEqualTo(before.username());
        assertThat(after.email()).isEqualTo(before.email());
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(after.active()).isEqualTo(before.active());
        assertThat(after.staff()).isEqualTo(before.staff());
        assertThat(after.superuser()).isEqualTo(before.superuser());
        assertThat(after.emailVerified()).isEqualTo(before.emailVerified());
        assertThat(after.dateJoined()).isEqualTo(before.dateJoined());
        assertThat(after.lastLogin()).isEqualTo(before.lastLogin());
        assertThat(after).isEqualTo(before.toBuilder().firstName("민준").lastName("김")
                .locale(Locale.forLanguageTag("ko-KR")).buildUser());
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
