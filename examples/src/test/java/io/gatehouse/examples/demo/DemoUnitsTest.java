package io.gatehouse.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.servlet.CookiePolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's small parts: languages, bundles, flash signing, link paths, cookie policy, mail frames. */
class DemoUnitsTest {
    @Test
    void theLanguageIsTheFirstSupportedChoiceElseEnglish() {
        assertThat(Messages.choose(List.of(Locale.forLanguageTag("ko-KR")))).isEqualTo(Locale.KOREAN);
        assertThat(Messages.choose(List.of(Locale.FRENCH, Locale.KOREAN))).isEqualTo(Locale.KOREAN);
        assertThat(Messages.choose(List.of(Locale.FRENCH))).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.choose(List.of())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void everyEnglishMessageHasAKoreanTwinAndNoMore() {
        Set<String> english = Messages.bundle(Locale.ENGLISH).keySet();
        Set<String> korean = Messages.bundle(Locale.KOREAN).keySet();

        assertThat(korean).isEqualTo(english);
        assertThat(Messages.get(Locale.KOREAN, "nav.login")).isEqualTo("로그인");
        assertThat(Messages.get(Locale.ENGLISH, "flash.ok.admin_activate", 3)).isEqualTo("3 users activated.");
        assertThat(Messages.get(Locale.ENGLISH, "flash.ok.admin_activate", 1)).isEqualTo("1 user activated.");
        assertThat(Messages.get(Locale.KOREAN, "flash.ok.admin_activate", 3)).isEqualTo("사용자 3명을 활성화했습니다.");
    }

    @Test
    void englishIsNotTakenFromTheJvmDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREAN);
            assertThat(Messages.get(Locale.ENGLISH, "nav.login")).isEqualTo("Log in");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void everyFlashKeyTheCodeUsesIsInTheBundle() {
        for (BulkAction action : BulkAction.values()) {
            assertThat(Messages.find(Locale.ENGLISH, "flash.ok.admin_" + action.key(), 2)).isPresent();
            assertThat(Messages.find(Locale.ENGLISH, "admin.action." + action.key())).isPresent();
        }
    }

    @Test
    void aFlashMessageIsAKeyAndANumberNeverText() {
        assertThat(new Flash.Message("ok.signed_up", 0).text(Locale.ENGLISH)).startsWith("Check your inbox");
        assertThat(new Flash.Message("err.cooldown", 0).error()).isTrue();
        assertThatThrownBy(() -> new Flash.Message("<script>", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFlashCookieExpiresAfterAMinute() {
        SecretKeyRing keys = SecretKeyRing.generate(new SecureRandom());
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Flash issuer = new Flash(keys, Clock.fixed(now, ZoneOffset.UTC), false);
        String cookie = issuer.cookie(new Flash.Message("ok.logged_in", 0));
        assertThat(cookie).contains("Max-Age=60", "HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        String value = cookie.substring(Flash.COOKIE.length() + 1, cookie.indexOf(';'));

        Flash later = new Flash(keys, Clock.fixed(now.plusSeconds(61), ZoneOffset.UTC), false);
        Flash otherServer = new Flash(SecretKeyRing.generate(new SecureRandom()), Clock.fixed(now, ZoneOffset.UTC),
                false);
        assertThat(issuer.read(value)).contains(new Flash.Message("ok.logged_in", 0));
        assertThat(later.read(value)).isEmpty();
        assertThat(otherServer.read(value)).isEmpty();
        assertThat(issuer.read("garbage")).isEmpty();
        assertThat(issuer.read("a.b.c")).isEmpty();
        assertThat(issuer.read(null)).isEmpty();
        assertThat(new Flash(keys, Clock.systemUTC(), true).clearing()).contains("Max-Age=0", "Secure");
    }

    @Test
    void linkPathsAcceptOnlyUrlSafeUidAndToken() {
        assertThat(LinkPath.parse("/MQ/d2x3-abcDEF_123")).contains(new LinkPath("MQ", "d2x3-abcDEF_123"));
        assertThat(LinkPath.parse("/MQ/a/b")).isEmpty();
        assertThat(LinkPath.parse("/MQ/<script>")).isEmpty();
        assertThat(LinkPath.parse(null)).isEmpty();
        assertThat(new LinkPath("MQ", "secret-token").toString()).doesNotContain("secret-token");
    }

    @Test
    void developmentCookiesOnlyForPlainHttpOnALoopbackHost() {
        assertThat(DemoApp.cookiePolicyFor("http://localhost:8080")).isSameAs(CookiePolicy.developmentLocalhost());
        assertThat(DemoApp.cookiePolicyFor("http://127.0.0.1:8080")).isSameAs(CookiePolicy.developmentLocalhost());
        assertThat(DemoApp.cookiePolicyFor("https://localhost:8443")).isSameAs(CookiePolicy.secureDefaults());
        assertThat(DemoApp.cookiePolicyFor("https://demo.example.com")).isSameAs(CookiePolicy.secureDefaults());
        assertThat(DemoApp.cookiePolicyFor("http://demo.example.com")).isSameAs(CookiePolicy.secureDefaults());
    }

    @Test
    void mailLinksOpenInTheTopWindow() {
        assertThat(InboxServlet.frame("<html><head><title>x</title></head><body><a href=\"/v\">v</a></body></html>"))
                .isEqualTo("<html><head><base target=\"_top\"><title>x</title></head><body><a href=\"/v\">v</a>"
                        + "</body></html>");
        assertThat(InboxServlet.frame("<p>hi</p>")).isEqualTo("<base target=\"_top\"><p>hi</p>");
    }
}
