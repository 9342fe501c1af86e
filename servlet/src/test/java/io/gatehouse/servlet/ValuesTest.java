package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.Gatehouse;
import io.gatehouse.InvalidInputException;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small public values and the secrets they must never show. */
class ValuesTest {
    private static final String SESSION_ID = "SECRETsessionIDabcdefghijklmnopqrstuvwxyz01";
    private static final SecretKeyRing KEYS = SecretKeyRing.generate(new SecureRandom());

    @Test
    void principalIsTheUsernameAndCarriesTheSubject() {
        Subject subject = Subject.of(user(), Set.of());
        GatehousePrincipal principal = new GatehousePrincipal(subject);

        assertThat(principal.getName()).isEqualTo("ann");
        assertThat(principal.user().id()).isEqualTo(7);
        assertThat(principal.subject()).isSameAs(subject);
        assertThat(principal.toString()).isEqualTo("GatehousePrincipal[ann, id=7]").doesNotContain("unusable");
    }

    @Test
    void anonymousHasNoPrincipal() {
        assertThatThrownBy(() -> new GatehousePrincipal(Subject.anonymous()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("anonymous");
    }

    @Test
    void requestStateNeverShowsTheSessionId() {
        RequestState state = new RequestState(Subject.of(user(), Set.of()), SESSION_ID, "csrf-cookie-value");

        assertThat(state.toString()).doesNotContain(SESSION_ID).doesNotContain("csrf-cookie-value");
    }

    @Test
    void csrfRejectionNamesTheOperationOnly() {
        assertThat(new CsrfRejectedException("logout")).hasMessageStartingWith("The logout request carries no valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "", "/\\evil"})
    void unsafeDefaultRedirectIsAConfigurationError(String target) {
        ServletAuth.Builder builder = ServletAuth.builder(Gatehouse.builder(KEYS).build(), KEYS);

        assertThatThrownBy(() -> builder.defaultRedirect(target))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("defaultRedirect"));
    }

    @Test
    void rolesMapToFlagsAndPermissions() {
        Subject plain = Subject.of(user(), Set.of(io.gatehouse.permission.Permission.of("blog.view_post")));

        assertThat(AuthenticatedRequest.hasRole(plain, "blog.view_post")).isTrue();
        assertThat(AuthenticatedRequest.hasRole(plain, "blog.change_post")).isFalse();
        assertThat(AuthenticatedRequest.hasRole(plain, "**")).isTrue();
        assertThat(AuthenticatedRequest.hasRole(plain, "staff")).isFalse();
        assertThat(AuthenticatedRequest.hasRole(plain, null)).isFalse();
        assertThat(AuthenticatedRequest.hasRole(plain, "BLOG.VIEW_POST")).isFalse();
        assertThat(AuthenticatedRequest.hasRole(Subject.anonymous(), "**")).isFalse();
    }

    private static User user() {
        return UserBuilder.create("ann", "ann@example.com", "!unusable", Instant.EPOCH).build().withId(7);
    }
}
