package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login, permission and staff guards as filters and in code, over HTTPS. */
class GuardsHttpTest {
    private static TestApp app;
    private static Browser anonymous;
    private static Browser alice;
    private static Browser rita;
    private static Browser sam;
    private static Browser sue;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start();
        anonymous = app.browser();
        alice = app.browser();
        alice.logIn("alice");
        rita = app.browser();
        rita.logIn("rita");
        sam = app.browser();
        sam.logIn("sam");
        sue = app.browser();
        sue.logIn("sue");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void permissionRequiredForbidsALoggedInUserWithoutIt() {
        HttpResponse<String> response = alice.get("/reports/q1");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain(TestApp.REPORTS_SECRET);
    }

    @Test
    void permissionRequiredLetsTheHolderAndASuperuserIn() {
        assertThat(rita.get("/reports/q1").body()).contains("reports page for rita", TestApp.REPORTS_SECRET);
        assertThat(sue.get("/reports/q1").statusCode()).isEqualTo(200);
    }

    @Test
    void permissionRequiredSendsAnonymousToLogin() {
        HttpResponse<String> response = anonymous.get("/reports/q1?year=2026");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?next=%2Freports%2Fq1%3Fyear%3D2026");
    }

    @Test
    void permissionRequiredConfiguredToRedirectSendsAUserWithoutItToLogin() {
        HttpResponse<String> response = rita.get("/ledger/2026");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?next=%2Fledger%2F2026");
        assertThat(sue.get("/ledger/2026").statusCode()).isEqualTo(200);
    }

    @Test
    void staffAreaIsForStaffOnly() {
        assertThat(anonymous.get("/staff/").statusCode()).isEqualTo(302);
        assertThat(alice.get("/staff/").statusCode()).isEqualTo(403);
        assertThat(rita.get("/staff/").statusCode()).isEqualTo(403);
        assertThat(sam.get("/staff/").body()).contains("staff page for sam", TestApp.STAFF_SECRET);
        assertThat(sue.get("/staff/").statusCode()).isEqualTo(200);
    }

    @Test
    void programmaticGuardDecidesLikeTheFilter() {
        HttpResponse<String> anonymousResponse = anonymous.get("/programmatic?x=1");
        assertThat(anonymousResponse.statusCode()).isEqualTo(302);
        assertThat(anonymousResponse.headers().firstValue("Location")).hasValue("/login?next=%2Fprogrammatic%3Fx%3D1");
        assertThat(alice.get("/programmatic").statusCode()).isEqualTo(403);
        assertThat(sam.get("/programmatic").body()).contains(TestApp.STAFF_SECRET);
    }

    @Test
    void clientThatWantsJsonGets401InsteadOfARedirect() {
        HttpResponse<String> json = anonymous.get("/api/items", "Accept", "application/json");
        HttpResponse<String> xhr = anonymous.get("/api/items", "X-Requested-With", "XMLHttpRequest");

        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.body()).contains("\"error\":\"unauthorized\"");
        assertThat(xhr.statusCode()).isEqualTo(401);
        assertThat(alice.get("/api/items", "Accept", "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void clientThatWantsJsonGets403WhereABrowserWouldBeRedirected() {
        HttpResponse<String> response = rita.get("/ledger/2026", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\":\"forbidden\"");
    }

    @Test
    void forwardToAGuardedPathIsGuardedOnTheForwardedPath() {
        HttpResponse<String> anon = anonymous.get("/public/forward-reports");
        assertThat(anon.statusCode()).isEqualTo(302);
        assertThat(anon.headers().firstValue("Location")).hasValue("/login?next=%2Fpublic%2Fforward-reports");
        assertThat(anon.body()).doesNotContain(TestApp.REPORTS_SECRET);

        HttpResponse<String> forbidden = alice.get("/public/forward-reports");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).doesNotContain(TestApp.REPORTS_SECRET);

        assertThat(rita.get("/public/forward-reports").body()).contains(TestApp.REPORTS_SECRET);
        assertThat(alice.get("/public/forward-members").body()).contains(TestApp.MEMBERS_SECRET);
    }

    @Test
    void includeOfAGuardedPathFailsTheResponseUnlessAllowed() {
        HttpResponse<String> anon = anonymous.get("/public/include-reports");
        HttpResponse<String> forbidden = alice.get("/public/include-reports");

        assertThat(anon.statusCode()).isEqualTo(500);
        assertThat(anon.body()).doesNotContain(TestApp.REPORTS_SECRET);
        assertThat(forbidden.statusCode()).isEqualTo(500);
        assertThat(forbidden.body()).doesNotContain(TestApp.REPORTS_SECRET);
        HttpResponse<String> allowed = rita.get("/public/include-reports");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("public page including: ", TestApp.REPORTS_SECRET);
    }

    @Test
    void unguardedPagesAreOpenToEveryone() {
        assertThat(anonymous.get("/public/home").statusCode()).isEqualTo(200);
        assertThat(alice.get("/public/home").statusCode()).isEqualTo(200);
    }

    @Test
    void guardDecisionsCarryNoStore() {
        assertThat(anonymous.get("/members/").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(alice.get("/staff/").headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
