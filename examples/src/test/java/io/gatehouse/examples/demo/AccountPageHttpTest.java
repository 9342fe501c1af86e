package io.gatehouse.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.user.User;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account page: profile, email change by mailed link, other sessions, deletion; and verification resends. */
class AccountPageHttpTest {
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("http://localhost:\\d+(/account/email/confirm/[\\w-]+/[\\w.=-]+)");

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

    private static User user(String name) {
        return demo.gatehouse().accounts().createUser(name, name + "@example.com", RunningDemo.PASSWORD);
    }

    @Test
    void theProfileSavesNamesAndTheMailLanguage() {
        User user = user("dohyun");
        DemoClient client = new DemoClient(demo.baseUrl());
        client.login("dohyun", RunningDemo.PASSWORD);
        assertThat(client.get("/account").body()).contains("dohyun@example.com", "this session");

        HttpResponse<String> saved = client.post("/account/profile", "first_name", "Dohyun", "last_name", "Kim",
                "language", "ko", "staff", "true");

        assertThat(client.follow(saved).body()).contains("Your profile was saved.", "value=\"Dohyun\"");
        User stored = demo.gatehouse().users().findById(user.id()).orElseThrow();
        assertThat(stored.firstName()).isEqualTo("Dohyun");
        assertThat(stored.locale()).isEqualTo(Locale.KOREAN);
        assertThat(stored.staff()).isFalse();
        assertThat(client.post("/account/profile", "first_name", "x".repeat(151), "last_name", "", "language", "en")
                .body()).contains("Names must be at most 150 characters");
    }

    @Test
    void anEmailChangeTakesEffectWhenTheLinkMailedToTheNewAddressIsFollowed() {
        User user = user("gaeun");
        DemoClient client = new DemoClient(demo.baseUrl());
        client.login("gaeun", RunningDemo.PASSWORD);
        client.get("/account");
        assertThat(client.post("/account/email", "new_email", "gaeun@new.example", "password", "wrong password")
                .body()).contains("The password is wrong.");
        HttpResponse<String> sent = client.post("/account/email", "new_email", "gaeun@new.example",
                "password", RunningDemo.PASSWORD);
        assertThat(client.follow(sent).body()).contains("We sent a confirmation link to the new address.");

        EmbeddedInbox.Mail mail = RunningDemo.awaitMail(demo, m -> m.to().contains("gaeun@new.example"));
        Matcher link = CONFIRM_LINK.matcher(mail.text());
        assertThat(link.find()).isTrue();
        assertThat(client.get(link.group(1)).body()).contains("Confirm your new email address");
        HttpResponse<String> confirmed = client.post(link.group(1));

        assertThat(client.follow(confirmed).body()).contains("Your email address was changed.", "gaeun@new.example");
        assertThat(demo.gatehouse().users().findById(user.id()).orElseThrow().email()).isEqualTo("gaeun@new.example");
    }

    @Test
    void signingOutOtherSessionsEndsThemAndKeepsThisOne() {
        user("minjun");
        DemoClient laptop = new DemoClient(demo.baseUrl());
        DemoClient phone = new DemoClient(demo.baseUrl());
        laptop.login("minjun", RunningDemo.PASSWORD);
        phone.login("minjun", RunningDemo.PASSWORD);
        laptop.get("/account");

        HttpResponse<String> done = laptop.post("/account/sessions/revoke-others");

        assertThat(laptop.follow(done).body()).contains("1 other session was signed out.");
        assertThat(laptop.get("/members").statusCode()).isEqualTo(200);
        assertThat(phone.get("/members").statusCode()).isEqualTo(302);
    }

    @Test
    void deletingTheAccountTakesThePassword() {
        User user = user("yuna");
        DemoClient client = new DemoClient(demo.baseUrl());
        client.login("yuna", RunningDemo.PASSWORD);
        client.get("/account");

        assertThat(client.post("/account/delete", "password", "not it").body()).contains("The password is wrong.");
        HttpResponse<String> deleted = client.post("/account/delete", "password", RunningDemo.PASSWORD);

        assertThat(deleted.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("sessionid=;"));
        assertThat(client.follow(deleted).body()).contains("Your account was deleted.");
        assertThat(demo.gatehouse().users().findById(user.id())).isEmpty();
    }

    @Test
    void aBrokenVerificationLinkSaysSoAndOffersAResend() {
        DemoClient client = new DemoClient(demo.baseUrl());
        client.get("/verify/MQ/not-a-token");
        HttpResponse<String> answer = client.post("/verify/MQ/not-a-token");

        assertThat(answer.headers().firstValue("Location")).hasValue("/verify/resend");
        assertThat(client.follow(answer).body()).contains("That confirmation link is invalid or expired.");
        HttpResponse<String> resent = client.post("/verify/resend", "email", "someone@example.com");
        assertThat(client.follow(resent).body()).contains("we sent a new link");
        assertThat(client.post("/verify/resend", "email", "not an address").body()).contains("email");
    }

    @Test
    void loggedOutVisitorsOfTheAccountPageAreSentToLogIn() {
        DemoClient client = new DemoClient(demo.baseUrl());
        assertThat(client.get("/account").headers().firstValue("Location")).hasValue("/login?next=%2Faccount");
        assertThat(client.get("/account/").headers().firstValue("Location")).hasValue("/login?next=%2Faccount%2F");
    }
}
