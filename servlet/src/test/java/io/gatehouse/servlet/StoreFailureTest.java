package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When the session store fails, nothing is allowed: the answer is 503, never the page. */
class StoreFailureTest {
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void recover() {
        app.sessions.failing(false);
    }

    @Test
    void guardedPageAnswers503WhenTheStoreFails() {
        Browser browser = app.browser();
        browser.logIn("rita");
        app.sessions.failing(true);

        for (String path : new String[] {"/members/", "/reports/q1", "/staff/", "/programmatic", "/whoami"}) {
            HttpResponse<String> response = browser.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.body()).doesNotContain(TestApp.MEMBERS_SECRET, TestApp.REPORTS_SECRET,
                    TestApp.STAFF_SECRET);
        }
        assertThat(browser.get("/members/", "Accept", "application/json").body())
                .contains("\"error\":\"unavailable\"");

        app.sessions.failing(false);
        assertThat(browser.get("/reports/q1").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownCookieAgainstAFailingStoreIs503NotAnonymousPass() {
        Browser browser = app.browser();
        browser.plant(app.auth.cookies().sessionCookieName(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32)));
        app.sessions.failing(true);

        assertThat(browser.get("/members/").statusCode()).isEqualTo(503);
    }

    @Test
    void requestsWithoutACookieNeedNoStoreAndAreStillGuarded() {
        app.sessions.failing(true);
        Browser browser = app.browser();

        assertThat(browser.get("/members/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/public/home").statusCode()).isEqualTo(200);
    }

    @Test
    void loginWhileTheStoreFailsIs503AndSetsNoCookie() {
        Browser browser = app.browser();
        String token = browser.formToken("/login");
        app.sessions.failing(true);

        HttpResponse<String> response = browser.post("/login",
                Map.of("csrf_token", token, "login", "alice", "password", TestApp.PASSWORD));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(browser.sessionCookie()).isEmpty();
    }

    @Test
    void storeFailureThrownByAServletIs503() {
        assertThat(app.browser().get("/public/boom").statusCode()).isEqualTo(503);
    }
}
