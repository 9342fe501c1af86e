package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.outbox.DeliveryReport;
import io.gatehouse.outbox.InMemoryMailOutbox;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.outbox.OutboxWorker;
import io.gatehouse.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Core's outbox worker delivering through the SMTP mailer to a real SMTP conversation: the retry the mailer
 * leaves to the worker happens, with back-off, and the message keeps its Message-ID on every attempt.
 */
class OutboxOverSmtpTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T09:30:00Z"));
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();

    private OutboxWorker worker(SmtpMailer mailer) {
        return OutboxWorker.builder(outbox, mailer, clock).initialBackoff(Duration.ofSeconds(30)).build();
    }

    @Test
    void a451IsRetriedAfterTheBackOffAndArrivesOnceWithItsOriginalMessageId() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()
                .onData(n -> n == 1 ? "451 4.3.0 Try again later" : "250 2.0.0 Ok: queued")) {
            OutboxWorker worker = worker(SmtpMailer.create(Fixtures.anonymous(server.port()).build(), clock));
            EmailMessage message = Fixtures.message(1);
            OutboxMail queued = outbox.enqueue(message, null, clock.instant());

            DeliveryReport first = worker.runOnce();
            clock.advance(Duration.ofSeconds(29));
            DeliveryReport tooEarly = worker.runOnce();
            clock.advance(Duration.ofSeconds(1));
            DeliveryReport second = worker.runOnce();

            assertThat(first.retried()).isEqualTo(1);
            assertThat(tooEarly.total()).isZero();
            assertThat(second.sent()).isEqualTo(1);
            OutboxMail done = outbox.find(queued.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(OutboxMail.Status.SENT);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(server.received()).singleElement()
                    .satisfies(r -> assertThat(r.data()).contains("Message-ID: " + message.messageId()));
        }
    }

    @Test
    void a550IsFailedForGoodAndNotRetried() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()
                .onRcpt(to -> "550 5.1.1 <" + to + ">: User unknown")) {
            OutboxWorker worker = worker(SmtpMailer.create(Fixtures.anonymous(server.port()).build(), clock));
            OutboxMail queued = outbox.enqueue(Fixtures.message(1), null, clock.instant());

            DeliveryReport report = worker.runOnce();
            clock.advance(Duration.ofDays(1));

            assertThat(report.failed()).isEqualTo(1);
            assertThat(worker.runOnce().total()).isZero();
            OutboxMail failed = outbox.find(queued.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(OutboxMail.Status.FAILED);
            assertThat(failed.lastError()).contains("550 5.1.1");
        }
    }

    @Test
    void mailQueuedWhileTheServerIsDownIsDeliveredOnceItIsBack() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        OutboxMail queued = outbox.enqueue(Fixtures.message(1), null, clock.instant());
        DeliveryReport down = worker(SmtpMailer.create(Fixtures.anonymous(port).build(), clock)).runOnce();

        assertThat(down.retried()).isEqualTo(1);
        assertThat(outbox.find(queued.id()).orElseThrow().status()).isEqualTo(OutboxMail.Status.PENDING);

        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            clock.advance(Duration.ofMinutes(1));
            DeliveryReport up = worker(SmtpMailer.create(Fixtures.anonymous(server.port()).build(), clock)).runOnce();

            assertThat(up.sent()).isEqualTo(1);
            assertThat(server.received()).hasSize(1);
        }
    }
}
