package io.gatehouse.login;

import static io.gatehouse.login.LoginFixture.PASSWORD;
import static io.gatehouse.login.LoginFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.session.NewSession;
import io.gatehouse.user.User;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a login answers and what it changes; DESIGN.md invariants 3 (fixation), 6 and 7. */
class AuthenticatorTest {
    private final LoginFixture fx = new LoginFixture();

    private LoginResult.Success success(LoginRequest request) {
        LoginResult result = fx.authenticator.login(request);
        assertThat(result).isInstanceOf(LoginResult.Success.class);
        return (LoginResult.Success) result;
    }

    @Test
    void loginWhenUnknownUserOrWrongPasswordThenTheSameAnswer() {
        fx.alice();

        LoginResult unknown = fx.login("mallory", PASSWORD);
        LoginResult wrong = fx.login("alice", "not-" + PASSWORD);

        assertThat(unknown).isEqualTo(wrong).isEqualTo(new LoginResult.InvalidCredentials());
        assertThat(unknown.toString()).isEqualTo(wrong.toString());
    }

    @Test
    void loginWhenNotVerifiedAndRightPasswordThenNotVerified() {
        fx.user("nina", "nina@example.com", fx.hasher.encode(PASSWORD), false, false);

        assertThat(fx.login("nina", PASSWORD)).isEqualTo(new LoginResult.NotVerified());
    }

    @Test
    void loginWhenNotVerifiedAndWrongPasswordThenInvalidCredentialsSoTheStateIsNotRevealed() {
        fx.user("nina", "nina@example.com", fx.hasher.encode(PASSWORD), false, false);

        assertThat(fx.login("nina", "guess")).isEqualTo(new LoginResult.InvalidCredentials());
    }

    @Test
    void loginWhenDeactivatedAndRightPasswordThenInactive() {
        fx.user("dora", "dora@example.com", fx.hasher.encode(PASSWORD), false, true);

        assertThat(fx.login("dora", PASSWORD)).isEqualTo(new LoginResult.Inactive());
    }

    @Test
    void loginWhenDeactivatedAndWrongPasswordThenInvalidCredentials() {
        fx.user("dora", "dora@example.com", fx.hasher.encode(PASSWORD), false, true);

        assertThat(fx.login("dora", "guess")).isEqualTo(new LoginResult.InvalidCredentials());
    }

    @Test
    void loginWhenActiveButUnverifiedThenSucceedsBecauseTheActiveFlagGatesLogin() {
        // Imported Django users have no verified flag; sign-up keeps unverified accounts inactive instead.
        fx.user("imported", "imported@example.com", fx.hasher.encode(PASSWORD), true, false);

        assertThat(fx.login("imported", PASSWORD).isSuccess()).isTrue();
    }

    @Test
    void loginAfterFiveFailuresThenThrottledWithRetryAfterEvenWithTheRightPassword() {
        fx.alice();
        for (int i = 0; i < 5; i++) {
            assertThat(fx.login("alice", "guess" + i)).isInstanceOf(LoginResult.InvalidCredentials.class);
        }
        fx.clock.advance(Duration.ofSeconds(20));

        assertThat(fx.login("alice", PASSWORD)).isEqualTo(new LoginResult.Throttled(Duration.ofSeconds(40)));

        fx.clock.advance(Duration.ofSeconds(40));
        assertThat(fx.login("alice", PASSWORD).isSuccess()).isTrue();
    }

    @Test
    void throttledAttemptsDoNotExtendTheLockout() {
        fx.alice();
        for (int i = 0; i < 5; i++) {
            fx.login("alice", "guess" + i);
        }
        for (int i = 0; i < 20; i++) {
            fx.login("alice", "guess");
        }
        fx.clock.advance(Duration.ofMinutes(1));

        assertThat(fx.login("alice", PASSWORD).isSuccess()).isTrue();
    }

    @Test
    void successResetsTheAccountsFailureCount() {
        fx.alice();
        for (int i = 0; i < 4; i++) {
            fx.login("alice", "guess" + i);
        }
        assertThat(fx.login("alice", PASSWORD).isSuccess()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(fx.login("alice", "again" + i)).isInstanceOf(LoginResult.InvalidCredentials.class);
        }

        assertThat(fx.login("alice", PASSWORD).isSuccess()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice", "alice", "ALICE", "ＡＬＩＣＥ", "ａｌｉｃｅ", "alice@example.com",
            "Alice@Example.COM", "ALICE@EXAMPLE.COM"})
    void loginByUsernameOrEmailInAnyCaseOrWidth(String login) {
        User alice = fx.alice();

        assertThat(success(LoginRequest.of(login, PASSWORD)).user().id()).isEqualTo(alice.id());
    }

    @Test
    void spellingsOfOneLoginShareOneFailureCounter() {
        fx.alice();
        fx.login("alice", "guess1");
        fx.login("ALICE", "guess2");
        fx.login("ＡＬＩＣＥ", "guess3");
        fx.login("Alice", "guess4");
        fx.login("aLiCe", "guess5");

        assertThat(fx.login("alice", PASSWORD)).isInstanceOf(LoginResult.Throttled.class);
    }

    @Test
    void successSetsLastLoginToTheClockInMilliseconds() {
        User alice = fx.alice();

        LoginResult.Success result = success(LoginRequest.of("alice", PASSWORD));

        assertThat(result.user().lastLogin()).isEqualTo(T0.truncatedTo(ChronoUnit.MILLIS));
        assertThat(fx.stored(alice).lastLogin()).isEqualTo(T0.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void successStartsASessionThatResolvesToTheUser() {
        User alice = fx.alice();

        NewSession session = success(LoginRequest.of("alice", PASSWORD)).session();

        assertThat(fx.gatehouse.sessions().resolve(session.id()).orElseThrow().user().id()).isEqualTo(alice.id());
    }

    @Test
    void rememberMeGivesAFourteenDayCookieAndOtherwiseABrowserSessionCookie() {
        fx.alice();

        NewSession remembered = success(LoginRequest.of("alice", PASSWORD).rememberMe(true)).session();
        NewSession browser = success(LoginRequest.of("alice", PASSWORD)).session();

        assertThat(remembered.cookieMaxAge()).contains(Duration.ofDays(14));
        assertThat(browser.cookieMaxAge()).isEmpty();
    }

    @Test
    void fixationPreviousLiveSessionIsDeadAfterLogin() {
        fx.alice();
        NewSession planted = success(LoginRequest.of("alice", PASSWORD)).session();

        NewSession fresh = success(LoginRequest.of("alice", PASSWORD).replacing(planted.id())).session();

        assertThat(fresh.id()).isNotEqualTo(planted.id());
        assertThat(fx.gatehouse.sessions().resolve(planted.id())).isEmpty();
        assertThat(fx.gatehouse.sessions().resolve(fresh.id())).isPresent();
    }

    @Test
    void fixationWhenLoginFailsThenThePreviousSessionIsLeftAlone() {
        fx.alice();
        NewSession held = success(LoginRequest.of("alice", PASSWORD)).session();

        fx.authenticator.login(LoginRequest.of("alice", "guess").replacing(held.id()));

        assertThat(fx.gatehouse.sessions().resolve(held.id())).isPresent();
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        fx.alice();
        NewSession session = success(LoginRequest.of("alice", PASSWORD)).session();

        assertThat(fx.authenticator.logout(session.id())).isTrue();

        assertThat(fx.gatehouse.sessions().resolve(session.id())).isEmpty();
        assertThat(fx.authenticator.logout(session.id())).as("second logout").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nonsense", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"})
    void logoutWhenIdUnknownOrMalformedThenFalseAndNoEvent(String id) {
        assertThat(fx.authenticator.logout(id)).isFalse();

        assertThat(fx.events).isEmpty();
    }

    @Test
    void nullArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> fx.authenticator.login(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("request");
        assertThatThrownBy(() -> fx.authenticator.logout(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("sessionId");
    }

    @Test
    void loginOfExactlyTheMaximumLengthIsLookedUpAndOneMoreIsNot() {
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        assertThat(longest).hasSize(LoginRequest.MAX_LOGIN_LENGTH);

        assertThat(fx.login(longest, PASSWORD)).isInstanceOf(LoginResult.InvalidCredentials.class);
        int lookups = fx.users.lookups();
        assertThat(lookups).isPositive();

        assertThat(fx.login(longest + "d", PASSWORD)).isInstanceOf(LoginResult.InvalidCredentials.class);
        assertThat(fx.users.lookups()).isEqualTo(lookups);
    }

    @Test
    void loginWhenEmptyThenInvalidCredentialsWithoutALookup() {
        assertThat(fx.login("", PASSWORD)).isEqualTo(new LoginResult.InvalidCredentials());

        assertThat(fx.users.lookups()).isZero();
    }
}
