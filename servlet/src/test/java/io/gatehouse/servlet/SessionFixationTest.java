package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An id a browser held before login never survives it (DESIGN invariant 3, fixation). */
class SessionFixationTest {
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
    void attackPlantedUnknownIdIsReplacedAtLogin() {
        String planted = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        Browser victim = app.browser();
        victim.plant(app.auth.cookies().sessionCookieName(), planted);

        victim.logIn("alice");

        assertThat(victim.sessionCookie()).isPresent().get().isNotEqualTo(planted);
        assertThat(whoIs(planted)).contains("subject=anonymous");
        assertThat(victim.get("/whoami").body()).contains("subject=alice");
    }

    @Test
    void attackAttackersOwnLiveSessionPlantedInTheVictimsBrowserDiesAtLogin() {
        Browser attacker = app.browser();
        attacker.logIn("rita");
        String attackersId = attacker.sessionCookie().orElseThrow();
        Browser victim = app.browser();
        victim.plant(app.auth.cookies().sessionCookieName(), attackersId);
        assertThat(victim.get("/whoami").body()).contains("subject=rita");

        victim.logIn("alice");

        String victimsId = victim.sessionCookie().orElseThrow();
        assertThat(victimsId).isNotEqualTo(attackersId);
        assertThat(victim.get("/whoami").body()).contains("subject=alice");
        assertThat(attacker.get("/whoami").body()).contains("subject=anonymous");
        assertThat(attacker.get("/members/").statusCode()).isEqualTo(302);
    }

    @Test
    void loggingInAgainIssuesANewIdAndKillsTheOldOne() {
        Browser browser = app.browser();
        browser.logIn("alice");
        String first = browser.sessionCookie().orElseThrow();

        browser.logIn("alice");

        String second = browser.sessionCookie().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(whoIs(first)).contains("subject=anonymous");
        assertThat(whoIs(second)).contains("subject=alice");
    }

    private static String whoIs(String sessionId) {
        Browser other = app.browser();
        other.plant(app.auth.cookies().sessionCookieName(), sessionId);
        return other.get("/whoami").body();
    }
}
