package io.gatehouse.login;

import static io.gatehouse.login.LoginFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.password.PasswordHashers;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md invariant 1: an attacker timing logins learns nothing, because every path that is not throttled
 * costs exactly one password hash. Counted with {@link io.gatehouse.password.CountingPasswordHasher}, not a
 * stopwatch.
 */
class AuthenticatorHashCostTest {
    private final LoginFixture fx = new LoginFixture();

    private void assertOneVerificationNoEncode() {
        assertThat(fx.hasher.verifications()).as("verifications").isEqualTo(1);
        assertThat(fx.hasher.encodes()).as("encodes").isZero();
    }

    @Test
    void loginWhenUnknownUserThenCostsOneHash() {
        fx.alice();

        assertThat(fx.login("mallory", PASSWORD)).isInstanceOf(LoginResult.InvalidCredentials.class);
        assertOneVerificationNoEncode();
    }

    @Test
    void loginWhenWrongPasswordThenCostsOneHash() {
        fx.alice();

        assertThat(fx.login("alice", "wrong")).isInstanceOf(LoginResult.InvalidCredentials.class);
        assertOneVerificationNoEncode();
    }

    @Test
    void loginWhenRightPasswordButInactiveThenCostsOneHash() {
        fx.user("dora", "dora@example.com", fx.hasher.encode(PASSWORD), false, true);

        assertThat(fx.login("dora", PASSWORD)).isInstanceOf(LoginResult.Inactive.class);
        assertOneVerificationNoEncode();
    }

    @Test
    void loginWhenRightPasswordButNotVerifiedThenCostsOneHash() {
        fx.user("nina", "nina@example.com", fx.hasher.encode(PASSWORD), false, false);

        assertThat(fx.login("nina", PASSWORD)).isInstanceOf(LoginResult.NotVerified.class);
        assertOneVerificationNoEncode();
    }

    static Stream<String> hashesNothingMatches() {
        return Stream.of(PasswordHashers.unusable(), "!", "pbkdf2_sha256$x$y$z", "md5$abc$def",
                "sha1$salt$" + "0".repeat(40), "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA",
                "bcrypt_sha256$$2b$99$" + "a".repeat(53), "pbkdf2_sha256$999999999$salt$aGFzaA==", "garbage");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hashesNothingMatches")
    void loginWhenStoredHashIsUnusableOrUnsupportedThenCostsOneHashAndFails(String stored) {
        fx.user("sso", "sso@example.com", stored, true, true);

        assertThat(fx.login("sso", PASSWORD)).isInstanceOf(LoginResult.InvalidCredentials.class);
        assertOneVerificationNoEncode();
        assertThat(fx.stored(fx.users.findByUsername("sso").orElseThrow()).passwordHash()).isEqualTo(stored);
    }

    @Test
    void loginWhenSuccessInCurrentFormatThenCostsOneHashAndNoEncode() {
        fx.alice();

        assertThat(fx.login("alice", PASSWORD).isSuccess()).isTrue();
        assertOneVerificationNoEncode();
    }

    @Test
    void loginWhenSuccessOnAnOldFormatThenOneVerificationAndOneRehash() {
        fx.user("legacy", "legacy@example.com", AuthenticatorRehashTest.DJANGO_PBKDF2_1000, true, true);

        assertThat(fx.login("legacy", AuthenticatorRehashTest.DJANGO_PASSWORD).isSuccess()).isTrue();
        assertThat(fx.hasher.verifications()).isEqualTo(1);
        assertThat(fx.hasher.encodes()).isEqualTo(1);
    }

    @Test
    void loginWhenThrottledThenCostsNoHashEvenWithTheRightPassword() {
        fx.alice();
        for (int i = 0; i < 5; i++) {
            fx.login("alice", "wrong" + i);
        }
        fx.hasher.reset();

        assertThat(fx.login("alice", PASSWORD)).isInstanceOf(LoginResult.Throttled.class);
        assertThat(fx.hasher.hashes()).isZero();
    }

    @Test
    void loginWhenUnknownUserThrottledThenCostsNoHashLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            fx.login("nobody", "wrong" + i);
        }
        fx.hasher.reset();

        assertThat(fx.login("nobody", PASSWORD)).isInstanceOf(LoginResult.Throttled.class);
        assertThat(fx.hasher.hashes()).isZero();
    }

    @Test
    void loginWhenPasswordOverFourThousandCharactersThenNoHashForKnownAndUnknownUsersAlike() {
        fx.alice();
        String huge = "p".repeat(10_000);

        assertThat(fx.login("alice", huge)).isEqualTo(new LoginResult.InvalidCredentials());
        assertThat(fx.login("mallory", huge)).isEqualTo(new LoginResult.InvalidCredentials());
        assertThat(fx.hasher.hashes()).isZero();
    }

    @Test
    void loginAtExactlyTheMaximumPasswordLengthIsHashedAndOneMoreIsNot() {
        String longest = "p".repeat(Authenticator.MAX_PASSWORD_LENGTH);
        fx.user("longpw", "longpw@example.com", fx.hasher.encode(longest), true, true);

        assertThat(fx.login("longpw", longest).isSuccess()).isTrue();
        assertOneVerificationNoEncode();

        fx.hasher.reset();
        assertThat(fx.login("longpw", longest + "p")).isInstanceOf(LoginResult.InvalidCredentials.class);
        assertThat(fx.hasher.hashes()).isZero();
    }

    @Test
    void loginWhenLoginTooLongThenOneDummyHashAndNoLookup() {
        assertThat(fx.login("a".repeat(LoginRequest.MAX_LOGIN_LENGTH + 1), PASSWORD))
                .isInstanceOf(LoginResult.InvalidCredentials.class);
        assertOneVerificationNoEncode();
        assertThat(fx.users.lookups()).isZero();
    }
}
