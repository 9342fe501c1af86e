package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A password change continues this browser's session under a new id and ends every other one. */
class PasswordChangeTest {
    private static final String NEW_PASSWORD = "an entirely new passphrase 42";
    private static final AtomicInteger USERS = new AtomicInteger();
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
    void changeInOneBrowserLogsTheOtherOutOnItsNextRequest() {
        String name = newUser();
        Browser laptop = app.browser();
        laptop.logIn(name);
        Browser phone = app.browser();
        phone.logIn(name);
        String laptopId = laptop.sessionCookie().orElseThrow();
        assertThat(phone.get("/members/").statusCode()).isEqualTo(200);

        HttpResponse<String> change = change(laptop, TestApp.PASSWORD, NEW_PASSWORD);

        assertThat(change.statusCode()).isEqualTo(200);
        assertThat(change.body()).contains("password changed");
        SetCookieHeader cookie = SetCookieHeader.named(change, "__Host-sessionid");
        assertThat(cookie.value()).isNotEqualTo(laptopId);
        assertThat(laptop.sessionCookie()).hasValue(cookie.value());
        assertThat(laptop.get("/members/").statusCode()).isEqualTo(200);
        HttpResponse<String> phoneNext = phone.get("/members/");
        assertThat(phoneNext.statusCode()).isEqualTo(302);
        assertThat(phoneNext.headers().firstValue("Location")).hasValue("/login?next=%2Fmembers%2F");
        Browser replay = app.browser();
        replay.plant(app.auth.cookies().sessionCookieName(), laptopId);
        assertThat(replay.get("/whoami").body()).contains("subject=anonymous");
    }

    @Test
    void afterTheChangeOnlyTheNewPasswordLogsIn() {
        String name = newUser();
        Browser browser = app.browser();
        browser.logIn(name);
        change(browser, TestApp.PASSWORD, NEW_PASSWORD);

        assertThat(app.browser().logIn(name, TestApp.PASSWORD, Map.of()).statusCode()).isEqualTo(200);
        assertThat(app.browser().logIn(name, NEW_PASSWORD, Map.of()).statusCode()).isEqualTo(302);
    }

    @Test
    void wrongCurrentPasswordChangesNothingAndKeepsEveryoneLoggedIn() {
        String name = newUser();
        Browser laptop = app.browser();
        laptop.logIn(name);
        Browser phone = app.browser();
        phone.logIn(name);
        String laptopId = laptop.sessionCookie().orElseThrow();

        HttpResponse<String> change = change(laptop, "not my password", NEW_PASSWORD);

        assertThat(change.statusCode()).isEqualTo(400);
        assertThat(change.body()).contains("WrongPassword");
        assertThat(laptop.sessionCookie()).hasValue(laptopId);
        assertThat(phone.get("/members/").statusCode()).isEqualTo(200);
    }

    @Test
    void weakNewPasswordIsRejected() {
        String name = newUser();
        Browser browser = app.browser();
        browser.logIn(name);

        HttpResponse<String> change = change(browser, TestApp.PASSWORD, "123");

        assertThat(change.body()).contains("Rejected");
    }

    @Test
    void changeKeepsRememberMe() {
        String name = newUser();
        Browser browser = app.browser();
        browser.logIn(name, TestApp.PASSWORD, Map.of("remember", "on"));

        HttpResponse<String> change = change(browser, TestApp.PASSWORD, NEW_PASSWORD);

        assertThat(SetCookieHeader.named(change, "__Host-sessionid").has("Max-Age")).isTrue();
    }

    @Test
    void anonymousIsSentToLogin() {
        assertThat(app.browser().get("/password").statusCode()).isEqualTo(302);
    }

    private static HttpResponse<String> change(Browser browser, String current, String replacement) {
        return browser.post("/password", Map.of("csrf_token", browser.formToken("/password"),
                "current_password", current, "new_password", replacement));
    }

    private static String newUser() {
        String name = "pat" + USERS.incrementAndGet();
        app.gatehouse.accounts().createUser(name, name + "@example.com", TestApp.PASSWORD);
        return name;
    }
}
