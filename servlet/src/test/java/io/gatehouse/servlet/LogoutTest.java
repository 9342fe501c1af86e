package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logout is a POST with a CSRF token; it ends the server session and clears the cookie. */
class LogoutTest {
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
    void attackLogoutByGetIsRefusedWith405AndLogsNobodyOut() {
        Browser browser = app.browser();
        browser.logIn("alice");

        HttpResponse<String> response = browser.get("/logout");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(browser.get("/members/").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheServerSessionAndClearsTheCookie() {
        Browser browser = app.browser();
        browser.logIn("alice");
        String id = browser.sessionCookie().orElseThrow();

        HttpResponse<String> response = browser.post("/logout", Map.of("csrf_token", browser.formToken("/password")));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/public/bye");
        assertThat(browser.sessionCookie()).isEmpty();
        assertThat(browser.get("/members/").statusCode()).isEqualTo(302);
        Browser replay = app.browser();
        replay.plant(app.auth.cookies().sessionCookieName(), id);
        assertThat(replay.get("/whoami").body()).contains("subject=anonymous");
        assertThat(app.gatehouse.sessions().resolve(id)).isEmpty();
    }

    @Test
    void logoutEndsOnlyThisBrowsersSession() {
        Browser laptop = app.browser();
        laptop.logIn("rita");
        Browser phone = app.browser();
        phone.logIn("rita");

        laptop.post("/logout", Map.of("csrf_token", laptop.formToken("/password")));

        assertThat(laptop.get("/reports/q1").statusCode()).isEqualTo(302);
        assertThat(phone.get("/reports/q1").statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousLogoutWithAValidTokenJustClearsTheCookie() {
        Browser browser = app.browser();

        HttpResponse<String> response = browser.post("/logout", Map.of("csrf_token", browser.formToken("/login")));

        assertThat(response.statusCode()).isEqualTo(302);
    }
}
