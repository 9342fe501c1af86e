package io.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.testing.ForwardingUserStore;
import io.gatehouse.user.AdminUserUpdate;
import io.gatehouse.user.InMemoryUserStore;
import io.gatehouse.user.ProfileUpdate;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Account writes are read-modify-write. A write built on a copy read before a concurrent change must not undo
 * that change: an old password must not come back, a deactivation must not be reversed.
 */
class AccountsWriteRaceTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a completely different secret";
    private static final String ADMIN_PASSWORD = "the administrator chose this one";

    private final HookedHasher hasher = new HookedHasher();
    private final HookedUserStore store = new HookedUserStore(new InMemoryUserStore());
    private final Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
            .passwordHasher(hasher)
            .userStore(store)
            .build();
    private final User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);

    private String login() {
        return ((LoginResult.Success) gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                .session().id();
    }

    private User stored() {
        return store.findById(alice.id()).orElseThrow();
    }

    @Test
    void deactivationDuringAPasswordChangeIsNotReversed() {
        String session = login();
        hasher.duringNextEncode = () -> gatehouse.accounts()
                .updateFlags(alice.id(), AdminUserUpdate.of(stored()).withActive(false));

        PasswordChange result = gatehouse.accounts().changePassword(session, PASSWORD, NEW_PASSWORD);

        assertThat(result).isNotInstanceOf(PasswordChange.Changed.class);
        assertThat(stored().active()).isFalse();
        assertThat(hasher.matches(PASSWORD, stored().passwordHash())).isTrue();
    }

    @Test
    void aPasswordSetWhileAFlagChangeIsInFlightStays() {
        store.beforeNextWrite = () -> gatehouse.accounts().setPassword(alice.id(), ADMIN_PASSWORD);

        gatehouse.accounts().updateFlags(alice.id(), AdminUserUpdate.of(alice).withStaff(true));

        assertThat(hasher.matches(ADMIN_PASSWORD, stored().passwordHash())).isTrue();
        assertThat(stored().staff()).isTrue();
    }

    @Test
    void aPasswordSetWhileAProfileChangeIsInFlightStays() {
        store.beforeNextWrite = () -> gatehouse.accounts().setPassword(alice.id(), ADMIN_PASSWORD);

        gatehouse.accounts().updateProfile(alice.id(), new ProfileUpdate("Alicia", alice.lastName(), alice.locale()));

        assertThat(hasher.matches(ADMIN_PASSWORD, stored().passwordHash())).isTrue();
        assertThat(stored().firstName()).isEqualTo("Alicia");
    }

    @Test
    void aDeactivationWhileAnAdminSetsThePasswordStays() {
        hasher.duringNextEncode = () -> gatehouse.accounts()
                .updateFlags(alice.id(), AdminUserUpdate.of(stored()).withActive(false));

        gatehouse.accounts().setPassword(alice.id(), ADMIN_PASSWORD);

        assertThat(stored().active()).isFalse();
        assertThat(hasher.matches(ADMIN_PASSWORD, stored().passwordHash())).isTrue();
    }

    /** The fast test hasher, running a hook inside the next {@code encode}, where the real hash is slow. */
    private static final class HookedHasher implements PasswordHasher {
        private final PasswordHasher delegate = PasswordHashers.forTesting();
        @Nullable Runnable duringNextEncode;

        @Override
        public String encode(CharSequence raw) {
            Runnable hook = duringNextEncode;
            duringNextEncode = null;
            if (hook != null) {
                hook.run();
            }
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return delegate.matches(raw, encoded);
        }

        @Override
        public boolean needsRehash(String encoded) {
            return delegate.needsRehash(encoded);
        }

        @Override
        public boolean recognizes(String encoded) {
            return delegate.recognizes(encoded);
        }
    }

    /** A user store that runs a hook just before the next write of any kind. */
    private static final class HookedUserStore extends ForwardingUserStore {
        @Nullable Runnable beforeNextWrite;

        HookedUserStore(UserStore delegate) {
            super(delegate);
        }

        private void hook() {
            Runnable hook = beforeNextWrite;
            beforeNextWrite = null;
            if (hook != null) {
                hook.run();
            }
        }

        @Override
        public boolean update(User user) {
            hook();
            return super.update(user);
        }

        @Override
        public boolean updateIf(User expected, User next) {
            hook();
            return super.updateIf(expected, next);
        }
    }

}
