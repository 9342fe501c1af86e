package io.gatehouse.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginRedirectsTest {
    private static final String FALLBACK = "/home";

    /** Open-redirect payloads: every one must be judged unsafe and resolve to the fallback. */
    static Stream<String> openRedirectAttacks() {
        return Stream.of(
                "//evil.com", "///evil.com", "////evil.com", "/\\evil.com", "\\\\evil.com", "/\\/evil.com",
                "\\/evil.com", "https://evil.com", "http:evil.com", "http:/evil.com", "javascript:alert(1)",
                "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                " //evil.com", "\t//evil.com", "/\t/evil.com", "/%2F/evil.com", "/%2f%2fevil.com",
                "%2F%2Fevil.com", "%2F%2F", "/%5Cevil.com", "/%5c%5cevil.com", "/%09/evil.com", "/%0d%0a/evil.com",
                "/\u0000/evil.com", "/\r\n/evil.com", "/%00/evil.com", "//evil.com@good.com",
                "https://good.com@evil.com", "//%65vil.com", "/\u3000/evil.com", "\u3000//evil.com", "\u2028",
                "/\u2028/evil.com", "/\u00a0/evil.com", "/\u0085/evil.com", "/\u200b/evil.com", "/\u202e/moc.live",
                "/" + "a".repeat(10_000), "//evil.com/%2e%2e", "/.//evil.com", "/..//evil.com",
                "/%2e//evil.com", "/%2e%2e//evil.com", "/a/../..//evil.com", "/%252F%252Fevil.com",
                "/%255Cevil.com", "%zz", "/%zz", "/%", "/%2", "/%c0%af/evil.com", "/%ff", "\uFF0F\uFF0Fevil.com",
                "/\uFF0Fevil.com", "/\uFF3Cevil.com", "/\uFE68evil.com", "/\ud800", "evil.com", "./evil.com",
                "?next=//evil.com", "#//evil.com", "", "https://good.example/absolute-even-to-self",
                "/ok?x=\r\nSet-Cookie:a=b", "/ok#\u0000");
    }

    static Stream<String> safeTargets() {
        return Stream.of("/", "/members", "/members/", "/members?page=2&sort=name", "/a/b/c#frag",
                "/search?q=%2F", "/search?q=%2F%2Fevil.com", "/search?q=http://x", "/한글/경로",
                "/%ED%95%9C%EA%B8%80", "/path@with-at", "/@evil.com", "/my%20files", "/a//b", "/javascript:alert(1)",
                "/a.b/c..d/.well-known", "/100%25", "/" + "a".repeat(LoginRedirects.MAX_NEXT_LENGTH - 1));
    }

    @ParameterizedTest
    @MethodSource("openRedirectAttacks")
    void attackOpenRedirectPayloadIsUnsafeAndResolvesToFallback(String next) {
        assertThat(LoginRedirects.isSafe(next)).as("isSafe(%s)", escaped(next)).isFalse();
        assertThat(LoginRedirects.resolve(next, FALLBACK)).isEqualTo(FALLBACK);
    }

    @ParameterizedTest
    @MethodSource("safeTargets")
    void sameSiteRelativePathIsFollowedUnchanged(String next) {
        assertThat(LoginRedirects.isSafe(next)).as("isSafe(%s)", next).isTrue();
        assertThat(LoginRedirects.resolve(next, FALLBACK)).isSameAs(next);
    }

    @Test
    void openRedirectCorpusHasAtLeastFortyPayloads() {
        assertThat(openRedirectAttacks().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void lengthLimitIs2048() {
        String at = "/" + "a".repeat(LoginRedirects.MAX_NEXT_LENGTH - 1);

        assertThat(LoginRedirects.isSafe(at)).isTrue();
        assertThat(LoginRedirects.isSafe(at + "a")).isFalse();
    }

    @Test
    void absentNextResolvesToFallback() {
        assertThat(LoginRedirects.isSafe(null)).isFalse();
        assertThat(LoginRedirects.resolve(null, FALLBACK)).isEqualTo(FALLBACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "https://evil.com", "", " /"})
    void unsafeFallbackIsAConfigurationError(String fallback) {
        assertThatThrownBy(() -> LoginRedirects.resolve("/ok", fallback))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("fallback"));
    }

    @Test
    void locationCarriesThePathAndQueryPercentEncodedAsUtf8() {
        LoginRedirects login = LoginRedirects.defaults();

        assertThat(login.location("/members?page=2&sort=name"))
                .isEqualTo("/accounts/login/?next=%2Fmembers%3Fpage%3D2%26sort%3Dname");
        assertThat(login.location("/한글/경로?q=a+b"))
                .isEqualTo("/accounts/login/?next=%2F%ED%95%9C%EA%B8%80%2F%EA%B2%BD%EB%A1%9C%3Fq%3Da%2Bb");
    }

    @Test
    void locationAppendsToALoginUrlThatHasAQuery() {
        assertThat(LoginRedirects.to("https://sso.example.com/login?app=blog").location("/x"))
                .isEqualTo("https://sso.example.com/login?app=blog&next=%2Fx");
    }

    @Test
    void attackRequestedPathStartingWithDoubleSlashBecomesAPathOnThisSite() {
        LoginRedirects login = LoginRedirects.to("/login");

        assertThat(nextOf(login.location("//evil.com/x"))).isEqualTo("/evil.com/x");
        assertThat(nextOf(login.location("/\\evil.com"))).isEqualTo("/evil.com");
        assertThat(nextOf(login.location("///\\//evil.com?a=1"))).isEqualTo("/evil.com?a=1");
    }

    @Test
    void attackFullUrlAsRequestedPathKeepsOnlyPathAndQuery() {
        LoginRedirects login = LoginRedirects.to("/login");

        assertThat(nextOf(login.location("https://evil.com/steal?x=1#frag"))).isEqualTo("/steal?x=1");
        assertThat(nextOf(login.location("https://evil.com"))).isEqualTo("/");
        assertThat(nextOf(login.location("/a#frag"))).isEqualTo("/a");
    }

    @Test
    void attackUnsafeRequestedPathIsLeftOutOfTheLocation() {
        LoginRedirects login = LoginRedirects.to("/login");

        assertThat(login.location("/%2F/evil.com")).isEqualTo("/login");
        assertThat(login.location("/.//evil.com")).isEqualTo("/login");
        assertThat(login.location("/\r\nSet-Cookie:x")).isEqualTo("/login");
    }

    @Test
    void everyNextInALocationIsItselfSafe() {
        LoginRedirects login = LoginRedirects.to("/login");
        openRedirectAttacks().forEach(attack -> {
            String location = login.location(attack);
            assertThat(location).doesNotContain("\r", "\n", " ");
            if (location.contains("next=")) {
                assertThat(LoginRedirects.isSafe(nextOf(location))).as(escaped(attack)).isTrue();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com/login", "javascript:alert(1)", "/login#x", "/log in", "login",
        "ftp://x/login", "https://x/\r\n"})
    void badLoginUrlIsRefusedNamingLoginUrl(String loginUrl) {
        assertThatThrownBy(() -> LoginRedirects.to(loginUrl))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("loginUrl"));
    }

    @Test
    void defaultsUseDjangosLoginUrl() {
        assertThat(LoginRedirects.defaults().loginUrl()).isEqualTo("/accounts/login/");
    }

    private static String nextOf(String location) {
        return URLDecoder.decode(location.substring(location.indexOf("next=") + 5), StandardCharsets.UTF_8);
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(60).forEach(cp -> out.append(cp < 0x20 || cp > 0x7e
                ? String.format("\\u%04x", cp) : Character.toString(cp)));
        return out.toString();
    }
}
