package io.gatehouse.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.SendOutcome;
import io.gatehouse.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The worker's log lines, captured from slf4j-simple (which writes to whatever {@code System.err} is at the time
 * of each line; {@code simplelogger.properties} turns on DEBUG for this package).
 */
class OutboxWorkerLoggingTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String LINK = "https://shop.example.com/reset/42/c7x9qk-TOKENMARKER";

    private static EmailMessage secretMessage(String to) {
        return EmailMessage.builder().from("noreply@example.com").to(to).cc("audit@example.com")
                .subject("SUBJECTMARKER reset").text("BODYMARKER " + LINK)
                .html("<p>HTMLMARKER <a href=\"" + LINK + "\">reset</a></p>").build();
    }

    @Test
    void logLinesNameTheMessageButNeverItsSubjectBodyOrLink() {
        MutableClock clock = MutableClock.at(T0);
        FlakyOutbox outbox = new FlakyOutbox();
        RecordingMailer mailer = new RecordingMailer();
        OutboxWorker worker = OutboxWorker.builder(outbox, mailer, clock).maxAttempts(2).build();
        OutboxMail sent = outbox.enqueue(secretMessage("a@example.com"), null, T0);
        OutboxMail unmarkable = outbox.enqueue(secretMessage("b@example.com"), null, T0);
        outbox.failMarking(unmarkable.id());

        String log = captureStderr(() -> {
            worker.runOnce();  // both sent; b's result cannot be stored
            outbox.healMarking();
            clock.advance(Duration.ofMinutes(5));
            worker.runOnce();  // b again, after its lease
            OutboxMail rejected = outbox.enqueue(secretMessage("c@example.com"), null, clock.instant());
            mailer.failNextBatches(1, true);
            worker.runOnce();  // a transient outage
            clock.advance(Duration.ofHours(1));
            mailer.failNextBatches(1, false);
            worker.runOnce();  // a configuration error
            clock.advance(Duration.ofHours(1));
            mailer.inbox.failNext(1, SendOutcome.Status.REJECTED);
            worker.runOnce();  // c refused for good
            OutboxMail tired = outbox.enqueue(secretMessage("d@example.com"), null, clock.instant());
            mailer.inbox.failNext(2, SendOutcome.Status.FAILED_TRANSIENT);
            worker.runOnce();  // d retried
            clock.advance(Duration.ofHours(1));
            worker.runOnce();  // d out of attempts
            outbox.failNextClaims(1);
            worker.run();  // the store is down
            assertThat(outbox.find(rejected.id()).orElseThrow().status()).isEqualTo(OutboxMail.Status.FAILED);
            assertThat(outbox.find(tired.id()).orElseThrow().status()).isEqualTo(OutboxMail.Status.FAILED);
        });

        assertThat(log).contains("Outbox message " + sent.id() + " (Message-ID " + sent.message().messageId()
                + ", recipients=2) sent on attempt 1.");
        assertThat(log).contains("Outbox message " + unmarkable.id() + " (Message-ID "
                + unmarkable.message().messageId() + ", recipients=2) was sent but could not be marked sent");
        assertThat(log).contains("could not send a batch of 1", "until the mail configuration is fixed",
                "was rejected and will not be retried", "failed on attempt 1 of 2; next attempt at",
                "failed on attempt 2 of 2; giving up", "the next run tries again");
        assertThat(log).doesNotContain("SUBJECTMARKER", "BODYMARKER", "HTMLMARKER", "TOKENMARKER", LINK,
                "shop.example.com/reset");
    }

    private static String captureStderr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
