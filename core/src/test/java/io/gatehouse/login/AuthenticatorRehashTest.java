package io.gatehouse.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.password.PasswordHashers;
import io.gatehouse.user.User;
import org.junit.jupiter.api.Test;

/** The Django import promise: an old hash logs in unchanged and is upgraded on the next successful login. */
class AuthenticatorRehashTest {
    /** Made by Django 3.2.25; vectors/django-password-hashes.json, case pbkdf2_sha256-1000/ascii-simple. */
    static final String DJANGO_PBKDF2_1000 =
            "pbkdf2_sha256$1000$XyagKJm6TyR9ljwAvGvGlr$hQSjwasXSBMSpCtaG0jtKZg9wXDIoUXlXfIaGSMnHe4=";
    static final String DJANGO_PASSWORD = "password";

    private final LoginFixture fx = new LoginFixture();

    @Test
    void loginWithDjangoPbkdf2HashThenStoredHashIsUpgradedToTheCurrentDefault() {
        User legacy = fx.user("legacy", "legacy@example.com", DJANGO_PBKDF2_1000, true, true);
        assertThat(fx.hasher.needsRehash(DJANGO_PBKDF2_1000)).isTrue();

        LoginResult result = fx.login("legacy", DJANGO_PASSWORD);

        String upgraded = fx.stored(legacy).passwordHash();
        assertThat(result.isSuccess()).isTrue();
        assertThat(upgraded).startsWith("bcrypt_sha256$").isNotEqualTo(DJANGO_PBKDF2_1000);
        assertThat(fx.hasher.needsRehash(upgraded)).isFalse();
        assertThat(((LoginResult.Success) result).user().passwordHash()).isEqualTo(upgraded);
    }

    @Test
    void afterUpgradeTheSamePasswordStillLogsInWithoutAnotherRehash() {
        User legacy = fx.user("legacy", "legacy@example.com", DJANGO_PBKDF2_1000, true, true);
        fx.login("legacy", DJANGO_PASSWORD);
        String upgraded = fx.stored(legacy).passwordHash();
        fx.hasher.reset();

        assertThat(fx.login("legacy", DJANGO_PASSWORD).isSuccess()).isTrue();

        assertThat(fx.hasher.encodes()).isZero();
        assertThat(fx.stored(legacy).passwordHash()).isEqualTo(upgraded);
        assertThat(fx.login("legacy", "passwordx")).isInstanceOf(LoginResult.InvalidCredentials.class);
    }

    @Test
    void loginWithProductionPbkdf2HashIsUpgradedToo() {
        String pbkdf2 = PasswordHashers.pbkdf2Sha256(100_000).encode(LoginFixture.PASSWORD);
        User user = fx.user("pb", "pb@example.com", pbkdf2, true, true);

        assertThat(fx.login("pb", LoginFixture.PASSWORD).isSuccess()).isTrue();

        assertThat(fx.hasher.needsRehash(fx.stored(user).passwordHash())).isFalse();
    }

    @Test
    void wrongPasswordNeverTriggersARehash() {
        User legacy = fx.user("legacy", "legacy@example.com", DJANGO_PBKDF2_1000, true, true);

        assertThat(fx.login("legacy", "passwordx")).isInstanceOf(LoginResult.InvalidCredentials.class);

        assertThat(fx.hasher.encodes()).isZero();
        assertThat(fx.stored(legacy).passwordHash()).isEqualTo(DJANGO_PBKDF2_1000);
        assertThat(fx.stored(legacy).lastLogin()).isNull();
    }

    @Test
    void rightPasswordOnAnInactiveAccountDoesNotRehashOrRecordALogin() {
        User legacy = fx.user("legacy", "legacy@example.com", DJANGO_PBKDF2_1000, false, true);

        assertThat(fx.login("legacy", DJANGO_PASSWORD)).isInstanceOf(LoginResult.Inactive.class);

        assertThat(fx.hasher.encodes()).isZero();
        assertThat(fx.stored(legacy)).isEqualTo(legacy);
    }
}
