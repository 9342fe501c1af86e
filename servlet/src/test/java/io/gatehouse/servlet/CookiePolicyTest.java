package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CookiePolicyTest {
    private static final String ID = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    @Test
    void secureDefaultsAreHostPrefixedSecureHttpOnlyLaxAtRoot() {
        CookiePolicy policy = CookiePolicy.secureDefaults();

        assertThat(policy.sessionCookieName()).isEqualTo("__Host-sessionid");
        assertThat(policy.csrfCookieName()).isEqualTo("__Host-csrftoken");
        assertThat(policy.secure()).isTrue();
        assertThat(policy.sameSite()).isEqualTo(CookiePolicy.SameSite.LAX);
        assertThat(policy.sessionCookie(ID, Optional.empty()))
                .isEqualTo("__Host-sessionid=" + ID + "; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void rememberMeCookieCarriesMaxAgeInSeconds() {
        assertThat(CookiePolicy.secureDefaults().sessionCookie(ID, Optional.of(Duration.ofDays(14))))
                .isEqualTo("__Host-sessionid=" + ID + "; Path=/; Max-Age=1209600; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void expiryKeepsTheFlagsABrowserNeedsToAcceptIt() {
        assertThat(CookiePolicy.secureDefaults().expiredSessionCookie()).isEqualTo("__Host-sessionid=; Path=/; "
                + "Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void developmentPolicyDropsSecureAndThePrefixOnly() {
        CookiePolicy policy = CookiePolicy.developmentLocalhost();

        assertThat(policy.sessionCookieName()).isEqualTo("sessionid");
        assertThat(policy.csrfCookieName()).isEqualTo("csrftoken");
        assertThat(policy.csrfCookie(ID)).isEqualTo("csrftoken=" + ID + "; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void builderSetsNamesAndSameSite() {
        CookiePolicy policy = CookiePolicy.builder().sessionCookieName("app_session").csrfCookieName("app.csrf")
                .sameSite(CookiePolicy.SameSite.STRICT).build();

        assertThat(policy.sessionCookieName()).isEqualTo("__Host-app_session");
        assertThat(policy.csrfCookie(ID)).isEqualTo("__Host-app.csrf=" + ID + "; Path=/; Secure; HttpOnly; "
                + "SameSite=Strict");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "__Host-x", "__secure-x", "a b", "a;b", "a=b", "a,b", "\u00e9",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "x\r\nSet-Cookie: y"})
    void invalidCookieNamesAreRefusedNamingTheField(String name) {
        assertThatThrownBy(() -> CookiePolicy.builder().sessionCookieName(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sessionCookieName must be");
    }

    @Test
    void bothCookiesMustHaveDifferentNames() {
        assertThatThrownBy(() -> CookiePolicy.builder().sessionCookieName("x").csrfCookieName("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
    }
}
