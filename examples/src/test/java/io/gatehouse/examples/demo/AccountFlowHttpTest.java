package io.gatehouse.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountFlowHttpTest {
    private static final Pattern VERIFY_LINK = Pattern.compile("http://localhost:\\d+(/verify/[\\w-]+/[\\w-]+)");

    @TempDir
    static Path dataDir;
    static DemoApp demo;

    @BeforeAll
    static void start() {
        demo = RunningDemo.start(dataDir);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void signUpMailsAVerificationLinkThatActivatesTheAccountForLogin() {
        DemoClient browser = new DemoClient(demo.baseUrl());
        browser.get("/signup");
        HttpResponse<String> signedUp = browser.post("/signup", "username", "minsu", "email", "minsu@example.kr",
                "password", RunningDemo.PASSWORD);
        assertThat(signedUp.statusCode()).isEqualTo(302);
        assertThat(browser.follow(signedUp).body()).contains("we sent a link to confirm your address");

        EmbeddedInbox.Mail mail = RunningDemo.awaitMail(demo, m -> m.to().contains("minsu@example.kr"));
        assertThat(mail.html()).isNotNull();
        Matcher link = VERIFY_LINK.matcher(mail.text());
        assertThat(link.find()).isTrue();

        assertThat(browser.login("minsu", RunningDemo.PASSWORD).body()).contains("Confirm your email address first");
        browser.get(link.group(1));
        HttpResponse<String> verified = browser.post(link.group(1));
        assertThat(verified.headers().firstValue("Location")).hasValue("/login");
        assertThat(browser.follow(verified).body()).contains("Your address is confirmed");

        HttpResponse<String> home = browser.login("minsu", RunningDemo.PASSWORD);
        assertThat(home.body()).contains("You are logged in.").contains("Signed in as minsu");
        assertThat(browser.get("/members").body()).contains("Welcome, minsu");
        HttpResponse<String> reports = browser.get("/reports");
        assertThat(reports.statusCode()).isEqualTo(403);
        assertThat(reports.body()).contains("Permission denied");
    }

    @Test
    void anonymousVisitorsOfMembersPagesAreSentToLogInWithNext() {
        DemoClient browser = new DemoClient(demo.baseUrl());
        HttpResponse<String> members = browser.get("/members");
        assertThat(members.statusCode()).isEqualTo(302);
        assertThat(members.headers().firstValue("Location")).hasValue("/login?next=%2Fmembers");
    }
}
