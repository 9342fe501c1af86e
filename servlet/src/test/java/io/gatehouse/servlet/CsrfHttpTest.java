package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSRF tokens on the login, logout and password-change forms, with and without the CSRF filter. */
class CsrfHttpTest {
    private static TestApp app;
    private static TestApp helpersOnly;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        TestApp.Options options = new TestApp.Options();
        options.csrfFilter = false;
        helpersOnly = TestApp.start(options);
    }

    @AfterAll
    static void stop() {
        app.close();
        helpersOnly.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "not-a-token",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void attackLoginWithAWrongTokenIsRefusedAndLogsNobodyIn(String token) {
        for (TestApp target : List.of(app, helpersOnly)) {
            Browser browser = target.browser();
            browser.formToken("/login");
            long writes = target.sessions.writes();

            HttpResponse<String> response = browser.post("/login",
                    Map.of("csrf_token", token, "login", "alice", "password", TestApp.PASSWORD));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("CSRF verification failed");
            assertThat(browser.sessionCookie()).isEmpty();
            assertThat(target.sessions.writes()).isEqualTo(writes);
        }
    }

    @Test
    void attackLoginWithoutAnyTokenOrCsrfCookieIsRefused() {
        for (TestApp target : List.of(app, helpersOnly)) {
            Browser browser = target.browser();

            HttpResponse<String> response = browser.post("/login", Map.of("login", "alice", "password",
                    TestApp.PASSWORD));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(browser.sessionCookie()).isEmpty();
        }
    }

    @Test
    void attackLoginWithAnotherBrowsersTokenIsRefused() {
        for (TestApp target : List.of(app, helpersOnly)) {
            String attackersToken = target.browser().formToken("/login");
            Browser victim = target.browser();
            victim.formToken("/login");

            HttpResponse<String> response = victim.post("/login",
                    Map.of("csrf_token", attackersToken, "login", "alice", "password", TestApp.PASSWORD));

            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void attackLogoutWithATokenFromAnotherSessionOfTheSameUserIsRefused() {
        for (TestApp target : List.of(app, helpersOnly)) {
            Browser laptop = target.browser();
            laptop.logIn("alice");
            Browser phone = target.browser();
            phone.logIn("alice");
            String phonesToken = phone.formToken("/password");

            HttpResponse<String> response = laptop.post("/logout", Map.of("csrf_token", phonesToken));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(laptop.get("/members/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void attackPasswordChangeWithoutAValidTokenChangesNothing() {
        for (TestApp target : List.of(app, helpersOnly)) {
            String name = "pwcsrf" + target.port();
            target.gatehouse.accounts().createUser(name, name + "@example.com", TestApp.PASSWORD);
            Browser browser = target.browser();
            browser.logIn(name);
            Map<String, String> form = Map.of("current_password", TestApp.PASSWORD, "new_password",
                    "an entirely new passphrase 42");

            assertThat(browser.post("/password", form).statusCode()).isEqualTo(403);
            Map<String, String> wrong = new LinkedHashMap<>(form);
            wrong.put("csrf_token", target.browser().formToken("/login"));
            assertThat(browser.post("/password", wrong).statusCode()).isEqualTo(403);

            assertThat(target.browser().logIn(name, TestApp.PASSWORD, Map.of()).statusCode()).isEqualTo(302);
        }
    }

    @Test
    void anonymousTokenStopsWorkingOnceLoggedIn() {
        Browser browser = app.browser();
        String anonymousToken = browser.formToken("/login");
        browser.logIn("alice");

        HttpResponse<String> response = browser.post("/logout", Map.of("csrf_token", anonymousToken));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get("/members/").statusCode()).isEqualTo(200);
    }

    @Test
    void sessionTokenStopsWorkingAfterLogoutAndAfterTheNextLogin() {
        Browser browser = app.browser();
        browser.logIn("alice");
        String sessionToken = browser.formToken("/password");
        assertThat(browser.post("/logout", Map.of("csrf_token", sessionToken)).statusCode()).isEqualTo(302);
        browser.logIn("alice");

        assertThat(browser.post("/logout", Map.of("csrf_token", sessionToken)).statusCode()).isEqualTo(403);
    }

    @Test
    void tokensAreMaskedDifferentlyInEveryResponseAndEachOneWorks() {
        Browser browser = app.browser();
        String first = browser.formToken("/login");
        String second = browser.formToken("/login");

        assertThat(first).isNotEqualTo(second).hasSize(86);
        assertThat(browser.post("/login", Map.of("csrf_token", first, "login", "alice", "password", "wrong"))
                .statusCode()).isEqualTo(200);
        assertThat(browser.post("/login", Map.of("csrf_token", second, "login", "alice", "password", "wrong"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void tokenMayTravelInTheHeader() {
        Browser browser = app.browser();
        browser.logIn("alice");
        String token = browser.formToken("/password");

        HttpResponse<String> response = browser.post("/members/", Map.of(), "X-CSRF-Token", token);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void attackATokenInTheQueryStringIsRefusedEvenWhenValid() {
        Browser browser = app.browser();
        browser.logIn("alice");
        String token = browser.formToken("/password");

        assertThat(browser.post("/members/?csrf_token=" + token, Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.post("/members/?csrf%5Ftoken=" + token, Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.post("/members/?x=1&csrf_token=" + token, Map.of("csrf_token", token)).statusCode())
                .as("a token in the URL taints the request even when the body has one").isEqualTo(403);
    }

    @Test
    void csrfFilterGuardsTheApplicationsOwnPosts() {
        Browser browser = app.browser();
        browser.logIn("alice");

        assertThat(browser.post("/members/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.send("DELETE", "/members/x").statusCode()).isEqualTo(403);
        assertThat(browser.post("/members/", Map.of("csrf_token", browser.formToken("/password"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anonymousFormsWriteNothingToTheSessionStore() {
        long writes = app.sessions.writes();
        Browser browser = app.browser();

        for (int i = 0; i < 20; i++) {
            browser.formToken("/login");
        }
        browser.post("/login", Map.of("csrf_token", browser.formToken("/login"), "login", "alice", "password", "x"));

        assertThat(app.sessions.writes()).isEqualTo(writes);
        assertThat(browser.cookie(app.auth.cookies().csrfCookieName())).isPresent();
    }

    @Test
    void theCsrfCookieIsSetOnceAndReplacedAtLogin() {
        Browser browser = app.browser();
        HttpResponse<String> first = browser.get("/login");
        String cookie = browser.cookie(app.auth.cookies().csrfCookieName()).orElseThrow();
        HttpResponse<String> second = browser.get("/login");

        assertThat(first.headers().allValues("Set-Cookie")).hasSize(1);
        assertThat(second.headers().allValues("Set-Cookie")).isEmpty();
        browser.logIn("alice");
        assertThat(browser.cookie(app.auth.cookies().csrfCookieName())).isPresent().get().isNotEqualTo(cookie);
    }
}
