package io.gatehouse.login;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.event.AuthEventListener;
import io.gatehouse.password.CountingPasswordHasher;
import io.gatehouse.testing.MutableClock;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wiring for login tests: a {@link Gatehouse} on a stopped clock (with nanoseconds, to see millisecond
 * truncation), a counting hasher, a counting user store and a list of every event.
 */
final class LoginFixture {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456789Z");
    /** Distinctive, so a leak of it anywhere is easy to find. */
    static final String PASSWORD = "Quokka-Zebra-9137-leaks-nowhere";

    final MutableClock clock = MutableClock.at(T0);
    final CountingPasswordHasher hasher = CountingPasswordHasher.forTesting();
    final CountingUserStore users = new CountingUserStore();
    final List<AuthEvent> events = new CopyOnWriteArrayList<>();
    final Gatehouse gatehouse;
    final Authenticator authenticator;

    LoginFixture() {
        this(event -> { });
    }

    /** @param first a listener registered before the one that collects events */
    LoginFixture(AuthEventListener first) {
        gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                .clock(clock)
                .passwordHasher(hasher)
                .userStore(users)
                .listener(first)
                .listener(events::add)
                .build();
        authenticator = gatehouse.authenticator();
        hasher.reset();
    }

    /** An active, verified user whose password is {@link #PASSWORD}. */
    User alice() {
        return user("Alice", "alice@example.com", hasher.encode(PASSWORD), true, true);
    }

    /** A user with the given stored hash and flags; the hash counters are reset afterwards. */
    User user(String username, String email, String passwordHash, boolean active, boolean verified) {
        User user = users.create(UserBuilder.create(username, email, passwordHash, T0.minusSeconds(3_600))
                .active(active)
                .emailVerified(verified)
                .build());
        hasher.reset();
        return user;
    }

    LoginResult login(String login, String password) {
        return authenticator.login(LoginRequest.of(login, password));
    }

    User stored(User user) {
        return users.findById(user.id()).orElseThrow();
    }
}
