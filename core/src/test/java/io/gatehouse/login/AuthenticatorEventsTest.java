package io.gatehouse.login;

import static io.gatehouse.login.LoginFixture.PASSWORD;
import static io.gatehouse.login.LoginFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.event.AuthEvent;
import io.gatehouse.event.AuthEvent.FailureReason;
import io.gatehouse.session.NewSession;
import io.gatehouse.user.User;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Events carry the precise reason the caller is not told, and never a secret (DESIGN.md invariant 8). */
class AuthenticatorEventsTest {
    private static final String ADDRESS = "2001:db8::7";

    private final LoginFixture fx = new LoginFixture();

    private LoginResult login(String login, String password) {
        return fx.authenticator.login(LoginRequest.of(login, password).from(ADDRESS));
    }

    private FailureReason onlyFailureReason() {
        assertThat(fx.events).hasSize(1).first().isInstanceOf(AuthEvent.LoginFailed.class);
        return ((AuthEvent.LoginFailed) fx.events.get(0)).reason();
    }

    @Test
    void successPublishesLoggedIn() {
        User alice = fx.alice();

        login("alice", PASSWORD);

        assertThat(fx.events).containsExactly(
                new AuthEvent.LoggedIn(alice.id(), ADDRESS, T0.truncatedTo(ChronoUnit.MILLIS)));
    }

    @Test
    void unknownUserPublishesUnknownUser() {
        login("mallory", PASSWORD);

        assertThat(fx.events).containsExactly(new AuthEvent.LoginFailed("mallory", FailureReason.UNKNOWN_USER,
                ADDRESS, T0));
    }

    @Test
    void wrongPasswordPublishesBadPassword() {
        fx.alice();

        login("alice", "guess");

        assertThat(onlyFailureReason()).isEqualTo(FailureReason.BAD_PASSWORD);
    }

    @Test
    void deactivatedPublishesInactive() {
        fx.user("dora", "dora@example.com", fx.hasher.encode(PASSWORD), false, true);

        login("dora", PASSWORD);

        assertThat(onlyFailureReason()).isEqualTo(FailureReason.INACTIVE);
    }

    @Test
    void unverifiedPublishesNotVerified() {
        fx.user("nina", "nina@example.com", fx.hasher.encode(PASSWORD), false, false);

        login("nina", PASSWORD);

        assertThat(onlyFailureReason()).isEqualTo(FailureReason.NOT_VERIFIED);
    }

    @Test
    void throttledPublishesThrottled() {
        fx.alice();
        for (int i = 0; i < 5; i++) {
            login("alice", "guess" + i);
        }
        fx.events.clear();

        login("alice", PASSWORD);

        assertThat(onlyFailureReason()).isEqualTo(FailureReason.THROTTLED);
    }

    @Test
    void logoutPublishesLoggedOut() {
        User alice = fx.alice();
        NewSession session = ((LoginResult.Success) login("alice", PASSWORD)).session();
        fx.events.clear();

        fx.authenticator.logout(session.id());

        assertThat(fx.events).containsExactly(new AuthEvent.LoggedOut(alice.id(), T0));
    }

    @Test
    void failedLoginEventCutsTheLoginTo150Characters() {
        login("x".repeat(300), PASSWORD);

        assertThat(((AuthEvent.LoginFailed) fx.events.get(0)).login()).hasSize(150);
    }

    @Test
    void noEventEverContainsThePasswordHashOrSessionId() {
        User alice = fx.alice();
        fx.user("dora", "dora@example.com", fx.hasher.encode(PASSWORD), false, true);
        fx.user("nina", "nina@example.com", fx.hasher.encode(PASSWORD), false, false);
        login("mallory", PASSWORD);
        login("dora", PASSWORD);
        login("nina", PASSWORD);
        NewSession session = ((LoginResult.Success) login("alice", PASSWORD)).session();
        fx.authenticator.logout(session.id());
        for (int i = 0; i < 6; i++) {
            login("alice", PASSWORD + i);
        }

        assertThat(fx.events).hasSizeGreaterThanOrEqualTo(10).allSatisfy(event -> assertThat(event.toString())
                .doesNotContain(PASSWORD)
                .doesNotContain(session.id())
                .doesNotContain(fx.stored(alice).passwordHash()));
    }

    @Test
    void listenerThatThrowsDoesNotBreakTheLogin() {
        LoginFixture throwing = new LoginFixture(event -> {
            throw new IllegalStateException("audit log is down");
        });
        throwing.alice();

        LoginResult result = throwing.authenticator.login(LoginRequest.of("alice", PASSWORD));

        assertThat(result.isSuccess()).isTrue();
        assertThat(throwing.events).hasSize(1).first().isInstanceOf(AuthEvent.LoggedIn.class);
        assertThat(throwing.login("alice", "guess")).isInstanceOf(LoginResult.InvalidCredentials.class);
    }
}
