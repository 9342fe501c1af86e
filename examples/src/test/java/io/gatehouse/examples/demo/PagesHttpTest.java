package io.gatehouse.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Languages, flash messages, the reset link's token leaving the URL, CSRF and headers, over HTTP. */
class PagesHttpTest {
    private static final Pattern RESET_LINK = Pattern.compile("http://localhost:\\d+(/password/reset/[\\w-]+/[\\w-]+)");

    @TempDir
    static Path dataDir;
    static DemoApp demo;

    @BeforeAll
    static void start() {
        demo = RunningDemo.start(dataDir);
        demo.gatehouse().accounts().createUser("jiwoo", "jiwoo@example.kr", RunningDemo.PASSWORD);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void acceptLanguageKoreanGivesKoreanPages() {
        HttpResponse<String> login = new DemoClient(demo.baseUrl()).language("ko-KR,ko;q=0.9,en;q=0.8").get("/login");

        assertThat(login.body()).contains("<html lang=\"ko\">", "로그인", "비밀번호를 잊으셨나요?");
        assertThat(login.headers().firstValue("Content-Language")).hasValue("ko");
    }

    @Test
    void otherLanguagesGetEnglishAndThePreferenceOrderCounts() {
        assertThat(new DemoClient(demo.baseUrl()).language("fr-FR,fr").get("/login").body())
                .contains("<html lang=\"en\">", "Forgot your password?");
        assertThat(new DemoClient(demo.baseUrl()).language("en;q=0.5,ko;q=0.9").get("/").body())
                .contains("Gatehouse 데모");
    }

    @Test
    void koreanFormErrorsAndFlashMessagesComeFromTheKoreanBundle() {
        DemoClient client = new DemoClient(demo.baseUrl()).language("ko");
        client.get("/signup");
        assertThat(client.post("/signup", "username", "", "email", "x", "password", "1").body())
                .contains("비밀번호");
        assertThat(client.login("jiwoo", RunningDemo.PASSWORD).body()).contains("로그인되었습니다.");
    }

    @Test
    void aFlashMessageShowsOnceOnTheNextPage() {
        DemoClient client = new DemoClient(demo.baseUrl());
        client.get("/login");
        HttpResponse<String> redirect = client.post("/login", "login", "jiwoo", "password", RunningDemo.PASSWORD);
        assertThat(redirect.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("demo_flash=")
                && c.contains("Max-Age=60") && c.contains("HttpOnly"));

        HttpResponse<String> next = client.follow(redirect);
        assertThat(next.body()).contains("id=\"flash\"", "You are logged in.");
        assertThat(next.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("demo_flash=;")
                && c.contains("Max-Age=0"));
        assertThat(client.get("/").body()).doesNotContain("id=\"flash\"");
    }

    @Test
    void aForgedOrEditedFlashCookieShowsNothing() {
        DemoClient client = new DemoClient(demo.baseUrl());
        client.get("/login");
        client.post("/login", "login", "jiwoo", "password", RunningDemo.PASSWORD);
        String genuine = client.cookie(Flash.COOKIE).map(HttpCookie::getValue).orElseThrow();

        DemoClient forger = new DemoClient(demo.baseUrl());
        forger.addCookie(Flash.COOKIE, "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg." + genuine.substring(genuine.indexOf('.') + 1));
        assertThat(forger.get("/").body()).doesNotContain("id=\"flash\"").doesNotContain("<script>");

        DemoClient replayer = new DemoClient(demo.baseUrl());
        replayer.addCookie(Flash.COOKIE, genuine);
        assertThat(replayer.get("/").body()).contains("You are logged in.");
    }

    @Test
    void theResetLinkMovesItsTokenIntoACookieAndRedirectsToATokenFreeAddress() {
        DemoClient client = new DemoClient(demo.baseUrl());
        client.get("/password/reset");
        HttpResponse<String> requested = client.post("/password/reset", "email", "JIWOO@example.kr");
        assertThat(client.follow(requested).body()).contains("we sent it a link to reset the password");
        EmbeddedInbox.Mail mail = RunningDemo.awaitMail(demo, m -> m.to().contains("jiwoo@example.kr")
                && RESET_LINK.matcher(m.text()).find());
        Matcher link = RESET_LINK.matcher(mail.text());
        assertThat(link.find()).isTrue();
        String token = link.group(1).substring(link.group(1).lastIndexOf('/') + 1);

        HttpResponse<String> followed = client.get(link.group(1));
        assertThat(followed.statusCode()).isEqualTo(302);
        assertThat(followed.headers().firstValue("Location")).hasValue(PasswordServlet.CONFIRM_PATH);
        assertThat(followed.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(followed.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("demo_reset=")
                && c.contains(token) && c.contains("HttpOnly") && c.contains("Path=/password/reset"));

        HttpResponse<String> form = client.get(PasswordServlet.CONFIRM_PATH);
        assertThat(form.body()).contains("id=\"reset-form\"").doesNotContain(token);
        assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        HttpResponse<String> done = client.post(PasswordServlet.CONFIRM_PATH, "new_password", "another fine passphrase");
        assertThat(done.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("demo_reset=;"));
        assertThat(client.follow(done).body()).contains("Your password was reset.");

        assertThat(new DemoClient(demo.baseUrl()).login("jiwoo", "another fine passphrase").body())
                .contains("You are logged in.");
        assertThat(client.get(link.group(1)).headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("demo_reset=;"));
        assertThat(client.get(PasswordServlet.CONFIRM_PATH).body()).contains("id=\"reset-invalid\"");
        demo.gatehouse().accounts().setPassword(
                demo.gatehouse().users().findByUsername("jiwoo").orElseThrow().id(), RunningDemo.PASSWORD);
    }

    @Test
    void everyFormCarriesACsrfTokenAndAPostWithoutOneIsRefused() {
        DemoClient client = new DemoClient(demo.baseUrl());
        for (String page : new String[] {"/signup", "/login", "/password/reset", "/verify/resend"}) {
            assertThat(client.get(page).body()).as(page).contains("name=\"csrf_token\" value=\"");
        }
        assertThat(client.postRaw("/signup", "username", "mallory", "email", "m@example.com", "password",
                RunningDemo.PASSWORD).statusCode()).isEqualTo(403);
        assertThat(demo.gatehouse().users().findByUsername("mallory")).isEmpty();
        assertThat(client.get("/logout").statusCode()).isEqualTo(405);
        client.get("/");
        HttpResponse<String> postHome = client.post("/members");
        assertThat(postHome.statusCode()).isEqualTo(302);
        assertThat(client.post("/").statusCode()).isEqualTo(405);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoServerVersion() {
        HttpResponse<String> home = new DemoClient(demo.baseUrl()).get("/");

        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValue(Routes.CONTENT_SECURITY_POLICY);
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("Server")).isEmpty();
        assertThat(new DemoClient(demo.baseUrl()).get("/no/such/page").statusCode()).isEqualTo(404);
    }

    @Test
    void theInboxShowsMailHtmlInAFrameThatRunsNoScript() {
        DemoClient client = new DemoClient(demo.baseUrl());
        client.get("/signup");
        client.post("/signup", "username", "haneul", "email", "haneul@example.kr", "password", RunningDemo.PASSWORD);
        EmbeddedInbox.Mail mail = RunningDemo.awaitMail(demo, m -> m.to().contains("haneul@example.kr"));

        String list = client.get("/dev/inbox").body();
        assertThat(list).contains("haneul@example.kr", "/dev/inbox/" + mail.number());
        String page = client.get("/dev/inbox/" + mail.number()).body();
        Matcher frame = Pattern.compile("<iframe[^>]*>").matcher(page);
        assertThat(frame.find()).isTrue();
        assertThat(frame.group()).contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox "
                + "allow-top-navigation-by-user-activation\"", "srcdoc=\"").doesNotContain("allow-scripts")
                .doesNotContain("allow-same-origin").doesNotContain("<a ");
        // The mail's own <a href> reaches the page only escaped, inside srcdoc; the text part shows it as text.
        assertThat(page).contains("id=\"mail-text\"", "&lt;a").doesNotContain("<a href=\"http://localhost");
    }
}
