package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented development policy works over plain http://localhost, where Secure cookies cannot. */
class DevelopmentCookiesTest {
    @Test
    void wholeFlowWorksOverPlainHttpWithTheDevelopmentPolicy() throws Exception {
        try (TestApp app = TestApp.start(TestApp.Options.developmentHttp())) {
            Browser browser = app.browser();
            assertThat(app.base().getScheme()).isEqualTo("http");

            HttpResponse<String> members = browser.get("/members/");
            assertThat(members.statusCode()).isEqualTo(302);
            HttpResponse<String> form = browser.get("/login?next=%2Fmembers%2F");
            SetCookieHeader csrf = SetCookieHeader.named(form, "csrftoken");
            assertThat(csrf.has("Secure")).isFalse();
            assertThat(csrf.has("HttpOnly")).isTrue();
            assertThat(csrf.get("SameSite")).isEqualTo("Lax");

            HttpResponse<String> login = browser.logIn("alice", TestApp.PASSWORD, Map.of("next", "/members/"));
            assertThat(login.headers().firstValue("Location")).hasValue("/members/");
            SetCookieHeader session = SetCookieHeader.named(login, "sessionid");
            assertThat(session.has("Secure")).isFalse();
            assertThat(session.has("HttpOnly")).isTrue();
            assertThat(session.get("Path")).isEqualTo("/");
            assertThat(session.has("Domain")).isFalse();
            assertThat(browser.get("/members/").statusCode()).isEqualTo(200);

            assertThat(browser.post("/logout", Map.of("csrf_token", browser.formToken("/password"))).statusCode())
                    .isEqualTo(302);
            assertThat(browser.get("/members/").statusCode()).isEqualTo(302);
        }
    }

    @Test
    void secureCookiesAreNotSentBackOverPlainHttpWhichIsWhyTheDevelopmentPolicyExists() throws Exception {
        TestApp.Options options = TestApp.Options.developmentHttp();
        options.cookies = CookiePolicy.secureDefaults();
        try (TestApp app = TestApp.start(options)) {
            Browser browser = app.browser();

            HttpResponse<String> login = browser.logIn("alice", TestApp.PASSWORD, Map.of());

            // The CSRF cookie, being Secure, never came back over http: the login is refused.
            assertThat(login.statusCode()).isEqualTo(403);
        }
    }
}
