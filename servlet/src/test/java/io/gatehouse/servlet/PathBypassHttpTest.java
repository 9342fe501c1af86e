package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Path tricks that have bypassed servlet guards, sent byte for byte. Each must be refused (400, or 404 where
 * nothing is served) or correctly guarded (302 to login, 401, 403): never an unguarded pass. Run against Jetty
 * as configured by default (which refuses many of them itself) and against a Jetty told to let every
 * ambiguous URI through, where the guard filter's own refusal is what stands.
 */
class PathBypassHttpTest {
    private static TestApp strict;
    private static TestApp permissive;

    @BeforeAll
    static void start() throws Exception {
        strict = TestApp.start();
        permissive = TestApp.start(TestApp.Options.permissiveContainer());
    }

    @AfterAll
    static void stop() {
        strict.close();
        permissive.close();
    }

    /** Targets whose path is ambiguous: refused with 400 by the filter even when the container lets them in. */
    static Stream<String> ambiguousTargets() {
        return Stream.of(
                "/members;x", "/members;jsessionid=ABC", "/members/..;/", "/members/..;/members",
                "/public/..;/members", "/public/..;/members/", "/public/..;a=b/members", "/members;%2f..",
                "/reports;/q1", "/staff/..;/staff", "/members%3b", "/members%3Bx",
                "/%2e/members", "/%2E/members", "/./members", "/public/../members", "/public/%2e%2e/members",
                "/public/.%2e/members", "/public/%2e%2e%2fmembers", "/members/.", "/members/..", "/members/./",
                "/public/..%2fmembers", "/public/..%2Fmembers", "/public%2f..%2fmembers", "/members%2f",
                "/members%2F", "/%2fmembers", "/staff%2f", "/reports%2Fq1",
                "//members", "//members/", "///members", "/members//", "/members//x", "//staff",
                "/\\members", "/public\\..\\members", "/members\\", "/public%5c..%5cmembers", "/public%5C..%5Cmembers",
                "/members%09", "/members%0a", "/members%0d%0a", "/members%1f", "/members%7f",
                "/members%252f", "/members%25", "/public/%252e%252e/members",
                "/public/%C0%AE%C0%AE/members", "/members%C0%AF", "/public%C0%AF..%C0%AFmembers");
    }

    /** Targets with one meaning that must be guarded, whatever their spelling. */
    static Stream<String> guardedTargets() {
        return Stream.of("/members", "/members/", "/members/x", "/MEMBERS", "/Members/", "/MeMbErS/list",
                "/%6dembers", "/%6Dembers/x", "/REPORTS/q1", "/reports/q1", "/STAFF/", "/staff",
                "/members?x=/../public", "/members#/../public", "/members/%C0%AE%C0%AE/", "/ledger/%2E%2E",
                "/api/x");
    }

    /** Targets the HTTP parser itself refuses (raw control characters, malformed escapes, NUL). */
    static Stream<String> unparsableTargets() {
        return Stream.of("/members%00", "/members\tx", "/members\u000bx", "/members\u0000", "/members%2",
                "/members%zz");
    }

    @ParameterizedTest
    @MethodSource("ambiguousTargets")
    void attackAmbiguousPathIsRefusedByTheFilterEvenWhenTheContainerLetsItIn(String target) {
        RawHttp.Response response = RawHttp.get(permissive, target);

        assertThat(response.status()).as(target).isEqualTo(400);
        assertThat(response.rest()).as(target).contains("The request path is ambiguous and was refused.");
        assertNoSecret(target, response);
    }

    @ParameterizedTest
    @MethodSource("ambiguousTargets")
    void attackAmbiguousPathIsRefusedWithTheDefaultContainerSettings(String target) {
        RawHttp.Response response = RawHttp.get(strict, target);

        assertThat(response.status()).as(target).isEqualTo(400);
        assertNoSecret(target, response);
    }

    @ParameterizedTest
    @MethodSource("guardedTargets")
    void attackOtherSpellingsOfAGuardedPathAreGuarded(String target) {
        for (TestApp app : List.of(strict, permissive)) {
            RawHttp.Response response = RawHttp.get(app, target);

            assertThat(response.status()).as(target).isIn(302, 400, 404);
            if (response.status() == 302) {
                assertThat(response.rest()).as(target).contains("Location: /login");
            }
            assertNoSecret(target, response);
        }
    }

    @ParameterizedTest
    @MethodSource("unparsableTargets")
    void attackRawControlCharactersNeverReachTheApplication(String target) {
        for (TestApp app : List.of(strict, permissive)) {
            RawHttp.Response response = RawHttp.get(app, target);

            assertThat(response.status()).as(target).isEqualTo(400);
            assertNoSecret(target, response);
        }
    }

    @Test
    void attackLoggedInUserWithoutPermissionCannotReachReportsOrStaffByAnySpelling() {
        for (TestApp app : List.of(strict, permissive)) {
            Browser alice = app.browser();
            alice.logIn("alice");
            String cookie = "Cookie: " + app.auth.cookies().sessionCookieName() + "=" + alice.sessionCookie().orElseThrow();
            for (String target : List.of("/reports/q1", "/REPORTS/q1", "/Reports", "/%72eports/q1", "/staff/",
                    "/STAFF", "/sTaFf/x", "/%73taff", "/reports;x/q1", "/public/..;/reports/q1", "//reports/q1",
                    "/reports%2fq1", "/public/%2e%2e/staff", "/staff/..;/")) {
                RawHttp.Response response = RawHttp.get(app, target, cookie);

                assertThat(response.status()).as(target).isIn(400, 403, 404);
                assertNoSecret(target, response);
            }
            assertThat(RawHttp.get(app, "/members/", cookie).rest()).contains(TestApp.MEMBERS_SECRET);
        }
    }

    @Test
    void corpusHasManyPayloads() {
        assertThat(ambiguousTargets().count() + guardedTargets().count() + unparsableTargets().count())
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void ordinaryPublicPathsStillWork() {
        for (TestApp app : List.of(strict, permissive)) {
            assertThat(RawHttp.get(app, "/public/home").status()).isEqualTo(200);
            assertThat(RawHttp.get(app, "/public/with%20space").status()).isEqualTo(200);
            assertThat(RawHttp.get(app, "/public/caf%C3%A9?q=%2F%2E%2E").status()).isEqualTo(200);
        }
    }

    private static void assertNoSecret(String target, RawHttp.Response response) {
        assertThat(response.rest()).as(target).doesNotContain(TestApp.MEMBERS_SECRET, TestApp.REPORTS_SECRET,
                TestApp.STAFF_SECRET);
    }
}
