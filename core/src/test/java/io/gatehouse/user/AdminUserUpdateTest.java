package io.gatehouse.user;

import static io.gatehouse.user.UserTest.HASH;
import static io.gatehouse.user.UserTest.JOINED;
import static io.gatehouse.user.UserTest.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AdminUserUpdateTest {
    private static final User ALICE = new User(2, "alice", "alice@example.com", HASH, "Alice", "Liddell", true,
            false, false, false, JOINED, LOGIN, Locale.forLanguageTag("ko-KR"));

    @Test
    void ofReadsTheUsersFlags() {
        assertThat(AdminUserUpdate.of(ALICE)).isEqualTo(new AdminUserUpdate(true, false, false, false));
    }

    @Test
    void ofTheUserThenApplyToChangesNothing() {
        assertThat(AdminUserUpdate.of(ALICE).applyTo(ALICE)).isEqualTo(ALICE);
    }

    @Test
    void eachWithMethodChangesOnlyItsFlag() {
        AdminUserUpdate base = new AdminUserUpdate(false, false, false, false);

        assertThat(base.withActive(true)).isEqualTo(new AdminUserUpdate(true, false, false, false));
        assertThat(base.withStaff(true)).isEqualTo(new AdminUserUpdate(false, true, false, false));
        assertThat(base.withSuperuser(true)).isEqualTo(new AdminUserUpdate(false, false, true, false));
        assertThat(base.withEmailVerified(true)).isEqualTo(new AdminUserUpdate(false, false, false, true));
    }

    @Test
    void applyToSetsTheFlagsAndKeepsEveryOtherField() {
        User promoted = new AdminUserUpdate(false, true, true, true).applyTo(ALICE);

        assertThat(promoted).isEqualTo(ALICE.toBuilder().active(false).staff(true).superuser(true).emailVerified(true)
                .buildUser());
    }
}
