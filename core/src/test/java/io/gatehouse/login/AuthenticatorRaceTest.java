package io.gatehouse.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.testing.ForwardingUserStore;
import io.gatehouse.user.AdminUserUpdate;
import io.gatehouse.user.User;
import io.gatehouse.user.InMemoryUserStore;
import io.gatehouse.user.UserStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A login hashes for a noticeable time. Changes an administrator makes to the account during that hash must
 * neither be undone by the login's write nor be bypassed by the login.
 */
class AuthenticatorRaceTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String ADMIN_PASSWORD = "a completely different secret";

    private final HookedHasher hasher = new HookedHasher();
    private final Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
            .passwordHasher(hasher)
            .build();
    private final User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);

    @Test
    void loginWhenPasswordSetDuringTheHashThenFailsAndTheNewPasswordStays() {
        hasher.duringNextMatch = () -> gatehouse.accounts().setPassword(alice.id(), ADMIN_PASSWORD);

        LoginResult result = gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD));

        assertThat(result).isEqualTo(new LoginResult.InvalidCredentials());
        User stored = gatehouse.users().findById(alice.id()).orElseThrow();
        assertThat(hasher.matches(ADMIN_PASSWORD, stored.passwordHash())).isTrue();
        assertThat(stored.lastLogin()).isNull();
    }

    @Test
    void loginWhenDeactivatedDuringTheHashThenInactiveAndStaysDeactivated() {
        hasher.duringNextMatch = () -> gatehouse.accounts()
                .updateFlags(alice.id(), AdminUserUpdate.of(alice).withActive(false));

        LoginResult result = gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD));

        assertThat(result).isEqualTo(new LoginResult.Inactive());
        assertThat(gatehouse.users().findById(alice.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void loginWhenProfileEditedDuringTheHashThenTheEditSurvives() {
        hasher.duringNextMatch = () -> gatehouse.users().update(
                gatehouse.users().findById(alice.id()).orElseThrow().toBuilder().firstName("Alicia").buildUser());

        assertThat(gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)).isSuccess()).isTrue();

        User stored = gatehouse.users().findById(alice.id()).orElseThrow();
        assertThat(stored.firstName()).isEqualTo("Alicia");
        assertThat(stored.lastLogin()).isNotNull();
    }

    @Test
    void loginWhenPasswordSetJustBeforeTheLoginIsWrittenThenFails() {
        InMemoryUserStore store = new InMemoryUserStore();
        Gatehouse hooked = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                .passwordHasher(PasswordHashers.forTesting())
                .userStore(new HookedUserStore(store))
                .build();
        User bob = hooked.accounts().createUser("bob", "bob@example.com", PASSWORD);
        beforeNextWrite = () -> hooked.accounts().setPassword(bob.id(), ADMIN_PASSWORD);

        LoginResult result = hooked.authenticator().login(LoginRequest.of("bob", PASSWORD));

        assertThat(result).isEqualTo(new LoginResult.InvalidCredentials());
        assertThat(PasswordHashers.forTesting().matches(ADMIN_PASSWORD,
                store.findById(bob.id()).orElseThrow().passwordHash())).isTrue();
        assertThat(store.findById(bob.id()).orElseThrow().lastLogin()).isNull();
    }

    @Test
    void concurrentLoginsOfOneUserAllSucceed() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LoginResult>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD));
                }));
            }
            go.countDown();
            for (Future<LoginResult> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS).isSuccess()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(gatehouse.sessions().sessionsOf(alice.id())).hasSize(threads);
    }

    private @Nullable Runnable beforeNextWrite;

    /** A user store that runs a hook just before the next compare-and-set write. */
    private final class HookedUserStore extends ForwardingUserStore {
        HookedUserStore(UserStore delegate) {
            super(delegate);
        }

        @Override
        public boolean updateIf(User expected, User next) {
            Runnable hook = beforeNextWrite;
            beforeNextWrite = null;
            if (hook != null) {
                hook.run();
            }
            return super.updateIf(expected, next);
        }
    }


    /** The fast test hasher, running a hook inside the next {@code matches}, where the real hash would be slow. */
    private static final class HookedHasher implements PasswordHasher {
        private final PasswordHasher delegate = PasswordHashers.forTesting();
        @Nullable Runnable duringNextMatch;

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            Runnable hook = duringNextMatch;
            duringNextMatch = null;
            if (hook != null) {
                hook.run();
            }
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
}
