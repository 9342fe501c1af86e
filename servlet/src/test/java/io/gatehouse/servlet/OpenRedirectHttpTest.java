package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN invariant 5 over HTTP: after a real login, {@code next} is followed only when it is a relative path
 * on this site; every open-redirect payload lands on the configured default instead.
 */
class OpenRedirectHttpTest {
    private static final String DEFAULT = "/public/home";
    private static TestApp app;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        browser = app.browser();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Stream<String> openRedirectPayloads() {
        return Stream.of(
                // schemes
                "javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", "javascript://%0aalert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "https://evil.example",
                "http://evil.example/login", "https:/evil.example", "http:evil.example", "ftp://evil.example",
                "HTTPS://EVIL.EXAMPLE", "https://localhost.evil.example/", "//evil.example@localhost",
                // protocol-relative and slash tricks
                "//evil.example", "///evil.example", "////evil.example", "//evil.example/%2F..", "/\\evil.example",
                "\\\\evil.example", "\\/evil.example", "/\\/evil.example", "/.//evil.example", "/..//evil.example",
                "/%2F/evil.example", "/%2f%2fevil.example", "%2F%2Fevil.example", "/%5Cevil.example",
                "/%5c%5cevil.example", "/%252F%252Fevil.example", "/%2e%2e//evil.example", "/a/../..//evil.example",
                // whitespace and control characters
                " //evil.example", "\t//evil.example", "/\t/evil.example", "/\r\n/evil.example", "\n//evil.example",
                "/\u0000/evil.example", "/%09/evil.example", "/%0d%0a/evil.example", "/%00/evil.example",
                "/\u000b/evil.example", "/\u000c/evil.example", "\u0001javascript:alert(1)", "/\u007f/evil.example",
                "/\u00a0/evil.example", "/\u2028/evil.example", "/\u200b/evil.example", "/\u202e/elpmaxe.live",
                "\u3000//evil.example", "/\uFF0Fevil.example", "\uFF0F\uFF0Fevil.example", "/\uFF3Cevil.example",
                // userinfo
                "https://localhost@evil.example", "//localhost@evil.example", "https://localhost:443@evil.example/",
                // malformed and other
                "/%", "/%zz", "/%c0%af/evil.example", "/%ff", "evil.example", "./evil.example", "#//evil.example",
                "?next=//evil.example", "", "/" + "a".repeat(5_000), "/ok?x=\r\nSet-Cookie:a=b");
    }

    static Stream<String> safeTargets() {
        return Stream.of("/members/", "/members/list?page=2&sort=name", "/reports/q1#totals", "/search?q=%2F%2Fx",
                "/@evil.example", "/caf%C3%A9");
    }

    @ParameterizedTest
    @MethodSource("openRedirectPayloads")
    void attackUnsafeNextAfterLoginLandsOnTheDefault(String next) {
        HttpResponse<String> login = browser.logIn("alice", TestApp.PASSWORD, Map.of("next", next));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().allValues("Location")).containsExactly(DEFAULT);
    }

    @ParameterizedTest
    @MethodSource("safeTargets")
    void sameSiteRelativeNextIsFollowedExactly(String next) {
        HttpResponse<String> login = browser.logIn("alice", TestApp.PASSWORD, Map.of("next", next));

        assertThat(login.headers().allValues("Location")).containsExactly(next);
    }

    @Test
    void corpusHasAtLeastFortyPayloads() {
        assertThat(openRedirectPayloads().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void attackMarkupInNextIsEscapedOnTheLoginPage() {
        HttpResponse<String> page = app.browser().get("/login?" + Browser.query("next",
                "\"><script>alert(1)</script>"));

        assertThat(page.body()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void attackGuardRedirectOfADoubleSlashPathStaysOnThisSite() {
        RawHttp.Response response = RawHttp.get(app, "/members/x?u=//evil.example");

        assertThat(response.rest()).contains("Location: /login?next=%2Fmembers%2Fx%3Fu%3D%2F%2Fevil.example");
    }
}
