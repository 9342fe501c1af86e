package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Set-Cookie headers as a browser receives them, parsed attribute by attribute. */
class CookieAttributesTest {
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void sessionCookieIsHostPrefixedSecureHttpOnlyLaxAtRootWithoutDomainAndDiesWithTheBrowser() {
        HttpResponse<String> login = app.browser().logIn("alice");

        SetCookieHeader cookie = SetCookieHeader.named(login, "__Host-sessionid");
        assertThat(cookie.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(cookie.get("Path")).isEqualTo("/");
        assertThat(cookie.has("Secure")).isTrue();
        assertThat(cookie.has("HttpOnly")).isTrue();
        assertThat(cookie.get("SameSite")).isEqualTo("Lax");
        assertThat(cookie.has("Domain")).isFalse();
        assertThat(cookie.has("Max-Age")).isFalse();
        assertThat(cookie.has("Expires")).isFalse();
    }

    @Test
    void rememberMeGivesTheSessionCookieAMaxAgeOfTheSessionLifetime() {
        HttpResponse<String> login = app.browser().logIn("alice", TestApp.PASSWORD, Map.of("remember", "on"));

        SetCookieHeader cookie = SetCookieHeader.named(login, "__Host-sessionid");
        long maxAge = Long.parseLong(cookie.get("Max-Age"));
        long lifetime = app.gatehouse.sessionSettings().absoluteTimeout().toSeconds();
        assertThat(maxAge).isBetween(lifetime - Duration.ofMinutes(1).toSeconds(), lifetime);
        assertThat(cookie.has("Secure")).isTrue();
        assertThat(cookie.has("HttpOnly")).isTrue();
        assertThat(cookie.get("SameSite")).isEqualTo("Lax");
    }

    @Test
    void csrfCookieIsHostPrefixedSecureHttpOnlyLaxAtRootWithoutDomain() {
        HttpResponse<String> form = app.browser().get("/login");

        SetCookieHeader cookie = SetCookieHeader.named(form, "__Host-csrftoken");
        assertThat(cookie.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(cookie.get("Path")).isEqualTo("/");
        assertThat(cookie.has("Secure")).isTrue();
        assertThat(cookie.has("HttpOnly")).isTrue();
        assertThat(cookie.get("SameSite")).isEqualTo("Lax");
        assertThat(cookie.has("Domain")).isFalse();
        assertThat(cookie.has("Max-Age")).isFalse();
    }

    @Test
    void logoutExpiresTheSessionCookieWithTheSameFlags() {
        Browser browser = app.browser();
        browser.logIn("alice");

        HttpResponse<String> logout = browser.post("/logout", Map.of("csrf_token", browser.formToken("/password")));

        SetCookieHeader cookie = SetCookieHeader.named(logout, "__Host-sessionid");
        assertThat(cookie.value()).isEmpty();
        assertThat(cookie.get("Max-Age")).isEqualTo("0");
        assertThat(cookie.get("Expires")).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(cookie.get("Path")).isEqualTo("/");
        assertThat(cookie.has("Secure")).isTrue();
        assertThat(cookie.has("HttpOnly")).isTrue();
        assertThat(cookie.has("Domain")).isFalse();
        assertThat(browser.sessionCookie()).isEmpty();
    }

    @Test
    void authPagesAreNotStoredAndSendNoReferrer() {
        Browser browser = app.browser();
        HttpResponse<String> form = browser.get("/login");
        HttpResponse<String> login = browser.logIn("alice");

        for (HttpResponse<String> response : java.util.List.of(form, login, browser.get("/password"),
                browser.get("/logout"))) {
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().toString())
                    .hasValue("no-store");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString())
                    .hasValue("no-referrer");
        }
    }

    @Test
    void ordinaryPagesSetNoCookies() {
        Browser browser = app.browser();

        assertThat(browser.get("/public/home").headers().allValues("Set-Cookie")).isEmpty();
        assertThat(browser.get("/members/").headers().allValues("Set-Cookie")).isEmpty();
    }
}
