package io.gatehouse.account;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.password.CountingPasswordHasher;
import io.gatehouse.permission.InMemoryPermissionStore;
import io.gatehouse.session.InMemorySessionStore;
import io.gatehouse.testing.MutableClock;
import io.gatehouse.user.InMemoryUserStore;
import io.gatehouse.user.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

/**
 * A {@link Gatehouse} wired for account tests: in-memory stores the test can inspect, a counting fast hasher
 * (reset after the facade's one dummy hash), a stepped clock, and a listener that records every event.
 */
final class AccountsFixture {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final String PASSWORD = "correct horse battery staple";
    static final String NEW_PASSWORD = "tangerine lighthouse 42 violin";

    final MutableClock clock = MutableClock.at(T0);
    final CountingPasswordHasher hasher = CountingPasswordHasher.forTesting();
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryPermissionStore permissions = new InMemoryPermissionStore();
    final InMemorySessionStore sessionStore = new InMemorySessionStore();
    final List<AuthEvent> events = new CopyOnWriteArrayList<>();
    final Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
            .userStore(users)
            .permissionStore(permissions)
            .sessionStore(sessionStore)
            .passwordHasher(hasher)
            .clock(clock)
            .listener(events::add)
            .build();
    final Accounts accounts = gatehouse.accounts();

    AccountsFixture() {
        hasher.reset();
    }

    User alice() {
        return accounts.createUser("alice", "alice@example.com", PASSWORD);
    }

    /** Logs in as a browser would and returns the session id for the cookie. */
    String login(String login, String password) {
        LoginResult result = gatehouse.authenticator().login(LoginRequest.of(login, password));
        if (!(result instanceof LoginResult.Success success)) {
            throw new AssertionError("Expected the login of " + login + " to succeed, was " + result + ".");
        }
        return success.session().id();
    }

    boolean canLogIn(String login, String password) {
        return gatehouse.authenticator().login(LoginRequest.of(login, password)).isSuccess();
    }

    boolean resolves(String sessionId) {
        return gatehouse.sessions().resolve(sessionId).isPresent();
    }

    User stored(long id) {
        return users.findById(id).orElseThrow();
    }

    /** Every stored user; ids start at 1 and tests create few. */
    List<User> allUsers() {
        return LongStream.rangeClosed(1, 100).mapToObj(users::findById).flatMap(Optional::stream).toList();
    }

    <E extends AuthEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
