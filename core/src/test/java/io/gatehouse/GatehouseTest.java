package io.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.password.validation.PasswordPolicy;
import io.gatehouse.permission.InMemoryPermissionStore;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import io.gatehouse.session.InMemorySessionStore;
import io.gatehouse.session.SessionSettings;
import io.gatehouse.testing.MutableClock;
import io.gatehouse.user.InMemoryUserStore;
import io.gatehouse.user.User;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GatehouseTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";
    private static final String SECRET = Base64.getEncoder().encodeToString(
            "0123456789abcdefghijklmnopqrstuvwxyz-secret".getBytes(StandardCharsets.US_ASCII));

    private final MutableClock clock = MutableClock.at(T0);

    @Test
    void defaultsBuildAndWorkEndToEnd() {
        // Every default, the production hasher included: this is the README quick start.
        Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom())).build();
        User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);

        LoginResult login = gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD));
        assertThat(login).isInstanceOf(LoginResult.Success.class);
        String sessionId = ((LoginResult.Success) login).session().id();
        assertThat(gatehouse.sessions().resolve(sessionId).orElseThrow().user().id()).isEqualTo(alice.id());

        gatehouse.permissions().registerResource("blog", "post");
        gatehouse.permissionStore().grantToUser(alice.id(), Permission.of("blog.change_post"));
        Subject subject = gatehouse.sessions().resolve(sessionId).orElseThrow().subject();
        assertThat(subject.hasPerm("blog.change_post")).isTrue();
        assertThat(subject.hasPerm("blog.delete_post")).isFalse();
        assertThat(gatehouse.permissions().hasPerm(alice, Permission.of("blog.change_post"))).isTrue();

        assertThat(gatehouse.authenticator().logout(sessionId)).isTrue();
        assertThat(gatehouse.sessions().resolve(sessionId)).isEmpty();
    }

    @Test
    void defaultsUseTheRecommendedHasherAndPolicy() {
        Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom())).build();

        assertThat(gatehouse.passwordHasher()).hasToString(PasswordHashers.defaults().toString());
        assertThat(gatehouse.passwordPolicy()).isSameAs(PasswordPolicy.defaults());
        assertThat(gatehouse.users()).isInstanceOf(InMemoryUserStore.class);
        assertThat(gatehouse.permissionStore()).isInstanceOf(InMemoryPermissionStore.class);
    }

    @Test
    void builderPassesTheGivenStoresThrough() {
        InMemoryUserStore users = new InMemoryUserStore();
        InMemoryPermissionStore permissions = new InMemoryPermissionStore();

        Gatehouse gatehouse = testing().userStore(users).permissionStore(permissions).build();
        User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);

        assertThat(gatehouse.users()).isSameAs(users);
        assertThat(gatehouse.permissionStore()).isSameAs(permissions);
        assertThat(users.findById(alice.id())).contains(alice);
    }

    @Test
    void toStringRevealsNoSecret() {
        Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.fromBase64(SECRET))
                .passwordHasher(PasswordHashers.forTesting()).build();
        User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);
        LoginResult.Success login = (LoginResult.Success) gatehouse.authenticator()
                .login(LoginRequest.of("alice", PASSWORD));

        String shown = gatehouse.toString() + gatehouse.sessions() + gatehouse.permissions() + login;

        assertThat(shown).doesNotContain(SECRET).doesNotContain("0123456789abcdef")
                .doesNotContain(PASSWORD).doesNotContain(alice.passwordHash())
                .doesNotContain(login.session().id()).doesNotContain(login.session().session().idHash());
        assertThat(gatehouse.toString()).startsWith("Gatehouse[");
    }

    @Test
    void builderWhenKeysNullThenNullPointerNamingKeys() {
        assertThatThrownBy(() -> Gatehouse.builder(null))
                .isInstanceOf(NullPointerException.class).hasMessage("keys");
    }

    static Stream<Arguments> nullSettings() {
        return Stream.of(
                nullSetting("userStore", b -> b.userStore(null)),
                nullSetting("permissionStore", b -> b.permissionStore(null)),
                nullSetting("sessionStore", b -> b.sessionStore(null)),
                nullSetting("sessionLookup", b -> b.sessionLookup(null)),
                nullSetting("throttleStore", b -> b.throttleStore(null)),
                nullSetting("clock", b -> b.clock(null)),
                nullSetting("random", b -> b.random(null)),
                nullSetting("passwordHasher", b -> b.passwordHasher(null)),
                nullSetting("passwordPolicy", b -> b.passwordPolicy(null)),
                nullSetting("sessionSettings", b -> b.sessionSettings(null)),
                nullSetting("throttlePolicy", b -> b.throttlePolicy(null)),
                nullSetting("listener", b -> b.listener(null)));
    }

    private static Arguments nullSetting(String field, Consumer<Gatehouse.Builder> setter) {
        return Arguments.of(field, setter);
    }

    @ParameterizedTest(name = "{0}(null)")
    @MethodSource("nullSettings")
    void builderWhenSettingNullThenNullPointerNamingTheField(String field, Consumer<Gatehouse.Builder> setter) {
        Gatehouse.Builder builder = testing();

        assertThatThrownBy(() -> setter.accept(builder)).isInstanceOf(NullPointerException.class).hasMessage(field);
    }

    @Test
    void listenersReceiveAccountAndLoginEventsInOrder() {
        List<AuthEvent> first = new ArrayList<>();
        List<AuthEvent> second = new ArrayList<>();
        Gatehouse gatehouse = testing().listener(first::add).listener(second::add).build();
        User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);

        gatehouse.authenticator().login(LoginRequest.of("alice", "wrong password").from("203.0.113.7"));
        String id = ((LoginResult.Success) gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                .session().id();
        gatehouse.authenticator().logout(id);
        gatehouse.accounts().setPassword(alice.id(), "tangerine lighthouse 42 violin");

        assertThat(first).containsExactly(
                new AuthEvent.LoginFailed("alice", AuthEvent.FailureReason.BAD_PASSWORD, "203.0.113.7", T0),
                new AuthEvent.LoggedIn(alice.id(), "", T0),
                new AuthEvent.LoggedOut(alice.id(), T0),
                new AuthEvent.PasswordChanged(alice.id(), T0));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void customClockIsHonouredForDatesAndSessionExpiry() {
        Gatehouse gatehouse = testing().build();
        User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);
        LoginResult.Success login = (LoginResult.Success) gatehouse.authenticator()
                .login(LoginRequest.of("alice", PASSWORD));
        String id = login.session().id();

        assertThat(alice.dateJoined()).isEqualTo(T0);
        assertThat(login.user().lastLoginTime()).contains(T0);
        clock.advance(Duration.ofDays(14).minusMillis(1));
        assertThat(gatehouse.sessions().resolve(id)).as("at 14 days less 1 ms").isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(gatehouse.sessions().resolve(id)).as("at 14 days").isEmpty();
    }

    @Test
    void customSessionSettingsAreHonoured() {
        Gatehouse gatehouse = testing()
                .sessionSettings(SessionSettings.builder().absoluteTimeout(Duration.ofHours(1)).build())
                .sessionStore(new InMemorySessionStore())
                .build();
        gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);
        String id = ((LoginResult.Success) gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                .session().id();

        clock.advance(Duration.ofMinutes(59));
        assertThat(gatehouse.sessions().resolve(id)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(gatehouse.sessions().resolve(id)).isEmpty();
    }

    @Test
    void subjectWhenCookieMissingMalformedOrLoggedOutThenAnonymous() {
        Gatehouse gatehouse = testing().build();
        gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);
        String id = ((LoginResult.Success) gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                .session().id();

        assertThat(gatehouse.subject(id).user().orElseThrow().username()).isEqualTo("alice");
        assertThat(gatehouse.subject(null)).isSameAs(Subject.anonymous());
        assertThat(gatehouse.subject("not-a-session-id")).isSameAs(Subject.anonymous());
        gatehouse.authenticator().logout(id);
        assertThat(gatehouse.subject(id)).isSameAs(Subject.anonymous());
    }

    @Test
    void exposesTheClockAndSessionSettingsForTheWebLayer() {
        Gatehouse gatehouse = testing().build();

        assertThat(gatehouse.clock()).isSameAs(clock);
        assertThat(gatehouse.sessionSettings().absoluteTimeout()).isEqualTo(Duration.ofDays(14));
    }

    private Gatehouse.Builder testing() {
        return Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                .passwordHasher(PasswordHashers.forTesting())
                .clock(clock);
    }
}
