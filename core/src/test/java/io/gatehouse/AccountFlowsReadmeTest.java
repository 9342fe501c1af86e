package io.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.account.AccountFlowSettings;
import io.gatehouse.account.SignUpRequest;
import io.gatehouse.account.SignUpResult;
import io.gatehouse.account.VerificationResult;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.mail.InMemoryMailer;
import io.gatehouse.mail.MailAddress;
import io.gatehouse.outbox.InMemoryMailOutbox;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.outbox.OutboxWorker;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.testing.ReadmeBlocks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Sign up, verify, log in" and outbox worker examples, compiled and run as written: each region
 * between the markers is a Java block of the README, character for character.
 */
class AccountFlowsReadmeTest {
    @Test
    void theReadmeShowsExactlyTheseExamples() {
        assertThat(ReadmeBlocks.assertReadmeShows(Path.of("src/test/java/io/gatehouse/AccountFlowsReadmeTest.java")))
                .isEqualTo(2);
    }

    @Test
    void theReadmeExampleSignsUpVerifiesAndLogsIn() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "sign-up accepted: true", "verified: true", "logged in: true", ""));
    }

    static void run(PrintStream out) {
        // README:start
        InMemoryMailOutbox outbox = new InMemoryMailOutbox(); // the JDBC outbox in production
        Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                .mailOutbox(outbox)
                .accountFlows(AccountFlowSettings.builder("https://example.com", "Example <no-reply@example.com>")
                        .build()) // links start with this URL, never with a request's Host header
                .build();

        // POST /signup: an inactive account, and the verification mail queued in the outbox
        SignUpResult signUp = gatehouse.signUp().register(
                SignUpRequest.of("minsu", "minsu@example.kr", "correct horse battery staple").locale(Locale.KOREAN));
        if (signUp instanceof SignUpResult.Invalid invalid) {
            invalid.errors().forEach(e -> out.println(e.field() + ": " + e.message(Locale.KOREAN)));
        }
        out.println("sign-up accepted: " + signUp.isAccepted());

        // An OutboxWorker sends the mail; here we take it from the outbox and find the link in it.
        OutboxMail mail = outbox.claim(Instant.now(), Duration.ofMinutes(1), 10).get(0);
        Matcher link = Pattern.compile("https://example\\.com/verify/([\\w-]+)/([\\w-]+)")
                .matcher(mail.message().text());
        link.find();

        // GET /verify/{uid}/{token}: verifies and activates the account, but does not log in
        VerificationResult verified = gatehouse.verification().verify(link.group(1), link.group(2));
        out.println("verified: " + (verified instanceof VerificationResult.Verified));

        LoginResult login = gatehouse.authenticator().login(
                LoginRequest.of("minsu@example.kr", "correct horse battery staple"));
        out.println("logged in: " + login.isSuccess());
        // README:end
    }

    @Test
    void theReadmeWorkerSendsTheQueuedMail() throws InterruptedException {
        InMemoryMailOutbox outbox = new InMemoryMailOutbox();
        Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                .passwordHasher(PasswordHashers.forTesting())
                .mailOutbox(outbox)
                .accountFlows(AccountFlowSettings.builder("https://example.com", "Example <no-reply@example.com>")
                        .build())
                .build();
        gatehouse.signUp().register(SignUpRequest.of("minsu", "minsu@example.kr", "correct horse battery staple"));
        InMemoryMailer mailer = new InMemoryMailer();

        // README:start
        OutboxWorker worker = OutboxWorker.builder(gatehouse.mailOutbox(), mailer, Clock.systemUTC())
                .maxAttempts(8)                            // the defaults, spelled out
                .initialBackoff(Duration.ofSeconds(30))
                .maxBackoff(Duration.ofHours(1))
                .build();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        worker.start(scheduler, Duration.ofSeconds(10)); // at shutdown: worker.stop(); scheduler.shutdown();
        // README:end

        try {
            // The first run starts at once; the deadline is only a safety net.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (mailer.messages().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            assertThat(worker.stop()).isTrue();
            scheduler.shutdown();
        }
        assertThat(mailer.messages()).singleElement()
                .satisfies(m -> assertThat(m.recipients()).extracting(MailAddress::address)
                        .containsExactly("minsu@example.kr"));
        assertThat(outbox.claim(Instant.now().plus(Duration.ofDays(1)), Duration.ofMinutes(1), 10)).isEmpty();
    }
}
