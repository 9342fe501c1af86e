package io.gatehouse.session;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.permission.InMemoryPermissionStore;
import io.gatehouse.testing.MutableClock;
import io.gatehouse.user.InMemoryUserStore;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.security.SecureRandom;
import java.time.Instant;

/** Wiring for SessionManager tests: a stepped clock, counted in-memory sessions, and in-memory users and grants. */
final class SessionFixture {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    final MutableClock clock = MutableClock.at(T0);
    final InMemorySessionStore backing = new InMemorySessionStore();
    final CountingSessionStore store = new CountingSessionStore(backing);
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryPermissionStore permissions = new InMemoryPermissionStore();
    final SecretKeyRing keys = SecretKeyRing.generate(new SecureRandom());

    SessionManager manager() {
        return manager(SessionSettings.defaults(), keys);
    }

    SessionManager manager(SessionSettings settings) {
        return manager(settings, keys);
    }

    SessionManager manager(SessionSettings settings, SecretKeyRing ring) {
        return manager(store, settings, ring);
    }

    /** A manager, and its lookup, going through {@code through} (which should end in {@link #store}). */
    SessionManager manager(SessionStore through) {
        return manager(through, SessionSettings.defaults(), keys);
    }

    private SessionManager manager(SessionStore through, SessionSettings settings, SecretKeyRing ring) {
        return SessionManager.builder(through, SessionSubjectLookup.fromStores(through, users, permissions), ring,
                        clock)
                .settings(settings)
                .build();
    }

    User user(String name) {
        return users.create(UserBuilder.create(name, name + "@example.com", "pbkdf2_sha256$600000$salt$" + name, T0)
                .build());
    }

    User changePassword(User user, String newHash) {
        User changed = user.toBuilder().passwordHash(newHash).buildUser();
        users.update(changed);
        return changed;
    }
}
