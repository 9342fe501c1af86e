package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import io.gatehouse.event.AuthEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The round trip a person makes, over HTTPS with the secure cookie policy. */
class LoginFlowTest {
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
    void anonymousIsSentToLoginWithNextThenLogsInWithCsrfAndIsSentBackToNext() {
        Browser browser = app.browser();

        HttpResponse<String> members = browser.get("/members/list?page=2&sort=name");
        assertThat(members.statusCode()).isEqualTo(302);
        String location = members.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/login?next=%2Fmembers%2Flist%3Fpage%3D2%26sort%3Dname");
        assertThat(members.body()).doesNotContain(TestApp.MEMBERS_SECRET);

        String next = URLDecoder.decode(location.substring(location.indexOf("next=") + 5), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.logIn("alice", TestApp.PASSWORD, Map.of("next", next));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue("/members/list?page=2&sort=name");

        HttpResponse<String> back = browser.get("/members/list?page=2&sort=name");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("members page for alice").contains(TestApp.MEMBERS_SECRET);
    }

    @Test
    void loginPageRendersTheNextItWasGiven() {
        HttpResponse<String> page = app.browser().get("/login?next=%2Fmembers%3Fa%3D1%26b%3D2");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"next\" value=\"/members?a=1&amp;b=2\"");
    }

    @Test
    void loginWithoutNextGoesToTheDefault() {
        HttpResponse<String> login = app.browser().logIn("alice");

        assertThat(login.headers().firstValue("Location")).hasValue("/public/home");
    }

    @Test
    void wrongPasswordSetsNoSessionCookieAndStaysOnTheForm() {
        Browser browser = app.browser();

        HttpResponse<String> login = browser.logIn("alice", "wrong password", Map.of());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Login failed: InvalidCredentials");
        assertThat(browser.sessionCookie()).isEmpty();
        assertThat(browser.get("/members/").statusCode()).isEqualTo(302);
    }

    @Test
    void servletApiSeesTheUserItsRolesAndTheTypedSubject() {
        Browser browser = app.browser();
        browser.logIn("rita");

        String body = browser.get("/whoami").body();

        assertThat(body).contains("remoteUser=rita", "authType=FORM", "principal=GatehousePrincipal:rita",
                "subject=rita", "role[staff]=false", "role[superuser]=false", "role[**]=true",
                "role[reports.view_report]=true", "role[reports.view_ledger]=false", "role[admin]=false",
                "role[Not A Permission]=false", "role[]=false");
    }

    @Test
    void staffAndSuperuserRolesMapToTheFlags() {
        Browser staff = app.browser();
        staff.logIn("sam");
        Browser superuser = app.browser();
        superuser.logIn("sue");

        assertThat(staff.get("/whoami").body()).contains("role[staff]=true", "role[superuser]=false",
                "role[reports.view_report]=false");
        assertThat(superuser.get("/whoami").body()).contains("role[staff]=true", "role[superuser]=true",
                "role[reports.view_report]=true", "role[reports.view_ledger]=true", "role[admin]=false");
    }

    @Test
    void anonymousRequestHasNoPrincipalAndAnAnonymousSubject() {
        String body = app.browser().get("/whoami").body();

        assertThat(body).contains("remoteUser=null", "authType=null", "principal=null", "subject=anonymous",
                "role[**]=false", "role[reports.view_report]=false", "role[staff]=false");
    }

    @Test
    void attackForgedForwardedForHeaderIsNotTrustedForThrottling() {
        Browser browser = app.browser();
        String token = browser.formToken("/login");

        browser.post("/login", Map.of("csrf_token", token, "login", "nobody-" + System.nanoTime(), "password", "x"),
                "X-Forwarded-For", "203.0.113.9", "X-Real-IP", "203.0.113.9", "Forwarded", "for=203.0.113.9");
        browser.logIn("alice", TestApp.PASSWORD, Map.of());

        List<String> addresses = app.events.stream().map(event -> event instanceof AuthEvent.LoginFailed f
                ? f.clientAddress() : event instanceof AuthEvent.LoggedIn in ? in.clientAddress() : null)
                .filter(Objects::nonNull).toList();
        assertThat(addresses).isNotEmpty().doesNotContain("203.0.113.9").allMatch(a -> a.equals("127.0.0.1"));
    }

    @Test
    void loginAsEmailWorksToo() {
        Browser browser = app.browser();

        assertThat(browser.logIn("alice@example.com", TestApp.PASSWORD, Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/whoami").body()).contains("remoteUser=alice");
    }
}
