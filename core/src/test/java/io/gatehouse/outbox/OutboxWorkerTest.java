package io.gatehouse.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.StoreException;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.Mailer;
import io.gatehouse.mail.SendOutcome;
import io.gatehouse.outbox.OutboxMail.Status;
import io.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxWorkerTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.at(T0);
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final RecordingMailer mailer = new RecordingMailer();
    private final OutboxWorker worker = OutboxWorker.builder(outbox, mailer, clock).build();

    static EmailMessage message(String to) {
        return EmailMessage.builder().from("Example Shop <noreply@example.com>").to(to)
                .subject("[Example Shop] Reset your password")
                .text("Open https://shop.example.com/reset/42/secret-token").build();
    }

    private OutboxMail enqueue(String to) {
        return outbox.enqueue(message(to), null, clock.instant());
    }

    private OutboxMail stored(OutboxMail mail) {
        return outbox.find(mail.id()).orElseThrow();
    }

    @Test
    void runOnceSendsDueMailInOneBatchAndMarksItSent() {
        OutboxMail a = enqueue("a@example.com");
        OutboxMail b = enqueue("b@example.com");
        OutboxMail later = outbox.enqueue(message("later@example.com"), null, T0.plusSeconds(60));

        assertThat(worker.runOnce()).isEqualTo(new DeliveryReport(2, 0, 0));

        assertThat(mailer.batches()).singleElement().satisfies(batch ->
                assertThat(batch).containsExactly(a.message(), b.message()));
        assertThat(stored(a).status()).isEqualTo(Status.SENT);
        assertThat(stored(b).status()).isEqualTo(Status.SENT);
        assertThat(stored(later).status()).isEqualTo(Status.PENDING);
        assertThat(worker.runOnce().total()).as("nothing else due").isZero();
        assertThat(mailer.batches()).hasSize(1);
    }

    @Test
    void runOnceOnAnEmptyOutboxDoesNotTouchTheMailer() {
        assertThat(worker.runOnce()).isEqualTo(new DeliveryReport(0, 0, 0));
        assertThat(mailer.batches()).isEmpty();
    }

    @Test
    void aBatchIsAtMostBatchSizeAndDrainSendsBatchesUntilOneIsNotFull() {
        OutboxWorker small = OutboxWorker.builder(outbox, mailer, clock).batchSize(2).build();
        for (int i = 0; i < 5; i++) {
            enqueue("m" + i + "@example.com");
        }

        assertThat(small.runOnce()).isEqualTo(new DeliveryReport(2, 0, 0));
        assertThat(small.drain()).isEqualTo(new DeliveryReport(3, 0, 0));

        assertThat(mailer.batches()).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(mailer.inbox.messages()).hasSize(5);
    }

    @Test
    void drainSendsAtMostItsBatchLimitSoNewMailCannotHoldIt() {
        OutboxWorker one = OutboxWorker.builder(outbox, mailer, clock).batchSize(1).build();
        for (int i = 0; i < OutboxWorker.MAX_BATCHES_PER_DRAIN + 5; i++) {
            enqueue("m" + i + "@example.com");
        }

        assertThat(one.drain().sent()).isEqualTo(OutboxWorker.MAX_BATCHES_PER_DRAIN);
        assertThat(one.drain().sent()).isEqualTo(5);
    }

    @Test
    void aTemporaryFailureBacksOffFromThirtySecondsDoublingUpToTheCapThenGivesUp() {
        OutboxWorker patient = OutboxWorker.builder(outbox, mailer, clock).maxAttempts(12).build();
        OutboxMail queued = enqueue("a@example.com");
        mailer.inbox.failNext(100, SendOutcome.Status.FAILED_TRANSIENT);
        List<Long> pauses = List.of(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L, 3600L, 3600L);

        for (int attempt = 1; attempt <= pauses.size(); attempt++) {
            Duration pause = Duration.ofSeconds(pauses.get(attempt - 1));
            assertThat(patient.runOnce()).as("attempt " + attempt).isEqualTo(new DeliveryReport(0, 1, 0));
            OutboxMail after = stored(queued);
            assertThat(after.status()).isEqualTo(Status.PENDING);
            assertThat(after.attempts()).isEqualTo(attempt);
            assertThat(after.nextAttemptAt()).as("attempt " + attempt).isEqualTo(clock.instant().plus(pause));
            assertThat(after.lastError()).isEqualTo("Failed on request of the test.");
            clock.advance(pause.minusMillis(1));
            assertThat(patient.runOnce().total()).as("one millisecond early").isZero();
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(patient.runOnce()).as("attempt 12").isEqualTo(new DeliveryReport(0, 0, 1));

        OutboxMail given = stored(queued);
        assertThat(given.status()).isEqualTo(Status.FAILED);
        assertThat(given.attempts()).isEqualTo(12);
        clock.advance(Duration.ofDays(30));
        assertThat(patient.runOnce().total()).isZero();
        assertThat(mailer.attempts()).hasSize(12);
    }

    @Test
    void byDefaultAMessageGetsEightAttemptsThirtySecondsApartAndDoubling() {
        OutboxMail queued = enqueue("a@example.com");
        mailer.inbox.failNext(8, SendOutcome.Status.FAILED_TRANSIENT);

        for (long pause : List.of(30L, 60L, 120L, 240L, 480L, 960L, 1920L)) {
            assertThat(worker.runOnce().retried()).isEqualTo(1);
            assertThat(stored(queued).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(pause));
            clock.advance(Duration.ofSeconds(pause));
        }
        assertThat(worker.runOnce()).isEqualTo(new DeliveryReport(0, 0, 1));
        assertThat(stored(queued).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void backoffIsCappedEvenForHugeAttemptCountsAndUnevenCaps() {
        OutboxWorker w = OutboxWorker.builder(outbox, mailer, clock).initialBackoff(Duration.ofSeconds(7))
                .maxBackoff(Duration.ofSeconds(100)).build();

        assertThat(List.of(1, 2, 3, 4, 5, 6, Integer.MAX_VALUE)).extracting(w::backoff).containsExactly(
                Duration.ofSeconds(7), Duration.ofSeconds(14), Duration.ofSeconds(28), Duration.ofSeconds(56),
                Duration.ofSeconds(100), Duration.ofSeconds(100), Duration.ofSeconds(100));
        assertThat(worker.backoff(0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRejectedMessageIsMarkedFailedAtOnceAndNeverRetried() {
        OutboxMail refused = enqueue("nobody@example.com");
        OutboxMail fine = enqueue("b@example.com");
        mailer.inbox.failNext(1, SendOutcome.Status.REJECTED);

        assertThat(worker.runOnce()).isEqualTo(new DeliveryReport(1, 0, 1));

        assertThat(stored(refused).status()).isEqualTo(Status.FAILED);
        assertThat(stored(refused).lastError()).isEqualTo("Failed on request of the test.");
        assertThat(stored(fine).status()).isEqualTo(Status.SENT);
        clock.advance(Duration.ofDays(10));
        assertThat(worker.drain().total()).isZero();
        assertThat(mailer.attempts()).hasSize(2);
    }

    @Test
    void everyAttemptCarriesTheMessageIdTheMessageWasQueuedWith() {
        OutboxMail queued = enqueue("a@example.com");
        mailer.inbox.failNext(2, SendOutcome.Status.FAILED_TRANSIENT);

        worker.runOnce();
        clock.advance(Duration.ofSeconds(30));
        worker.runOnce();
        clock.advance(Duration.ofSeconds(60));
        assertThat(worker.runOnce().sent()).isEqualTo(1);

        assertThat(mailer.attempts()).hasSize(3).allSatisfy(m -> {
            assertThat(m.messageId()).isEqualTo(queued.message().messageId());
            assertThat(m).isEqualTo(queued.message());
        });
        assertThat(mailer.inbox.messages()).singleElement()
                .satisfies(m -> assertThat(m.messageId()).isEqualTo(queued.message().messageId()));
    }

    @Test
    void whenTheMailerCannotConnectEveryClaimedMessageIsRetried() {
        List<OutboxMail> queued = List.of(enqueue("a@example.com"), enqueue("b@example.com"), enqueue("c@example.com"));
        mailer.failNextBatches(1, true);

        assertThat(worker.runOnce()).isEqualTo(new DeliveryReport(0, 3, 0));

        assertThat(mailer.batches()).singleElement().satisfies(b -> assertThat(b).hasSize(3));
        for (OutboxMail m : queued) {
            OutboxMail after = stored(m);
            assertThat(after.status()).isEqualTo(Status.PENDING);
            assertThat(after.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(after.lastError()).isEqualTo("Connection to smtp.example.com:587 refused.");
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(worker.runOnce()).isEqualTo(new DeliveryReport(3, 0, 0));
        assertThat(mailer.inbox.messages()).hasSize(3);
    }

    @Test
    void aMailerFailureNeverUsesUpAMessageSoAFixedConfigurationStillDeliversIt() {
        OutboxWorker strict = OutboxWorker.builder(outbox, mailer, clock).maxAttempts(2).build();
        OutboxMail queued = enqueue("a@example.com");
        mailer.failNextBatches(5, false);

        for (long pause : List.of(30L, 60L, 120L, 240L, 480L)) {
            assertThat(strict.runOnce()).isEqualTo(new DeliveryReport(0, 1, 0));
            assertThat(stored(queued).status()).isEqualTo(Status.PENDING);
            assertThat(stored(queued).lastError()).contains("Authentication to smtp.example.com:587");
            clock.advance(Duration.ofSeconds(pause));
        }
        assertThat(strict.runOnce()).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(stored(queued).attempts()).isEqualTo(6);
    }

    @Test
    void drainStopsAfterABatchThatSentNothingSoAnOutageCostsOneConnectionPerRun() {
        OutboxWorker small = OutboxWorker.builder(outbox, mailer, clock).batchSize(2).build();
        for (int i = 0; i < 10; i++) {
            enqueue("m" + i + "@example.com");
        }
        mailer.failNextBatches(100, true);

        assertThat(small.drain()).isEqualTo(new DeliveryReport(0, 2, 0));
        assertThat(mailer.batches()).hasSize(1);
    }

    @Test
    void aMailerThatThrowsSomethingUnexpectedIsTreatedAsAnOutage() {
        Mailer broken = new Mailer() {
            @Override
            public SendOutcome send(EmailMessage message) {
                throw new IllegalStateException("bug");
            }
        };
        OutboxMail queued = enqueue("a@example.com");

        assertThat(OutboxWorker.builder(outbox, broken, clock).build().runOnce())
                .isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(stored(queued).lastError()).isEqualTo("The mailer failed with java.lang.IllegalStateException.");
        assertThat(stored(queued).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void aMessageTheMailerReportsNothingAboutIsRetried() {
        Mailer silent = new Mailer() {
            @Override
            public SendOutcome send(EmailMessage message) {
                throw new AssertionError("not called");
            }

            @Override
            public List<SendOutcome> sendAll(List<EmailMessage> messages) {
                return List.of(new SendOutcome("<other@example.com>", SendOutcome.Status.SENT, "250 OK"));
            }
        };
        OutboxMail queued = enqueue("a@example.com");

        assertThat(OutboxWorker.builder(outbox, silent, clock).build().runOnce())
                .isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(stored(queued).lastError()).isEqualTo("The mailer reported no outcome for this message.");
    }

    @Test
    void twoQueuedCopiesOfOneMessageGetAnOutcomeEach() {
        EmailMessage same = message("a@example.com");
        OutboxMail first = outbox.enqueue(same, null, T0);
        OutboxMail second = outbox.enqueue(same, null, T0);
        mailer.inbox.failNext(1, SendOutcome.Status.REJECTED);

        assertThat(worker.runOnce()).isEqualTo(new DeliveryReport(1, 0, 1));
        assertThat(stored(first).status()).isEqualTo(Status.FAILED);
        assertThat(stored(second).status()).isEqualTo(Status.SENT);
    }

    @Test
    void aMessageClaimedByAWorkerThatDiedIsSentAgainAfterItsLeaseWithTheSameMessageId() {
        OutboxMail queued = enqueue("a@example.com");
        assertThat(outbox.claim(T0, LEASE, 10)).hasSize(1);  // a worker that claimed, then died

        assertThat(worker.runOnce().total()).isZero();
        clock.advance(LEASE.minusMillis(1));
        assertThat(worker.runOnce().total()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(worker.runOnce()).isEqualTo(new DeliveryReport(1, 0, 0));

        assertThat(mailer.inbox.messages()).singleElement()
                .satisfies(m -> assertThat(m.messageId()).isEqualTo(queued.message().messageId()));
        assertThat(stored(queued).status()).isEqualTo(Status.SENT);
        assertThat(stored(queued).attempts()).isEqualTo(2);
    }

    @Test
    void aResultThatCannotBeStoredLeavesTheMessageToBeSentAgainAfterItsLease() {
        FlakyOutbox flaky = new FlakyOutbox();
        OutboxWorker w = OutboxWorker.builder(flaky, mailer, clock).build();
        OutboxMail a = flaky.enqueue(message("a@example.com"), null, T0);
        OutboxMail b = flaky.enqueue(message("b@example.com"), null, T0);
        OutboxMail c = flaky.enqueue(message("c@example.com"), null, T0);
        flaky.failMarking(b.id());

        assertThat(w.runOnce()).isEqualTo(new DeliveryReport(3, 0, 0));

        assertThat(flaky.find(a.id()).orElseThrow().status()).isEqualTo(Status.SENT);
        assertThat(flaky.find(b.id()).orElseThrow().status()).isEqualTo(Status.SENDING);
        assertThat(flaky.find(c.id()).orElseThrow().status()).isEqualTo(Status.SENT);
        flaky.healMarking();
        clock.advance(LEASE);
        assertThat(w.runOnce()).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(flaky.find(b.id()).orElseThrow().status()).isEqualTo(Status.SENT);
        assertThat(mailer.inbox.messages()).extracting(EmailMessage::messageId)
                .containsExactly(a.message().messageId(), b.message().messageId(), c.message().messageId(),
                        b.message().messageId());
    }

    @Test
    void aMessageDeletedWhileItWasBeingSentDoesNotFailTheRun() {
        OutboxMail queued = outbox.enqueue(message("a@example.com"), 7L, T0);
        Mailer deleting = new Mailer() {
            @Override
            public SendOutcome send(EmailMessage message) {
                outbox.deleteUnsent(7L);
                return mailer.send(message);
            }
        };

        assertThat(OutboxWorker.builder(outbox, deleting, clock).build().runOnce())
                .isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(outbox.find(queued.id())).isEmpty();
    }

    @Test
    void runOnceReportsAStoreFailureAndRunLogsItInstead() {
        FlakyOutbox flaky = new FlakyOutbox();
        OutboxWorker w = OutboxWorker.builder(flaky, mailer, clock).build();
        flaky.enqueue(message("a@example.com"), null, T0);

        flaky.failNextClaims(1);
        assertThatThrownBy(w::runOnce).isInstanceOf(StoreException.class);
        flaky.failNextClaims(1);
        assertThatCode(w::run).doesNotThrowAnyException();
        w.run();

        assertThat(mailer.inbox.messages()).hasSize(1);
    }

    @Test
    void aScheduledWorkerSurvivesRunsThatFailAndKeepsDelivering() throws Exception {
        FlakyOutbox flaky = new FlakyOutbox();
        OutboxWorker w = OutboxWorker.builder(flaky, mailer, clock).build();
        flaky.enqueue(message("a@example.com"), null, T0);
        flaky.failNextClaims(3);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            w.start(scheduler, Duration.ofMillis(5));
            assertThatThrownBy(() -> w.start(scheduler, Duration.ofMillis(5)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);  // a safety net, not a measurement
            while (mailer.inbox.messages().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }

            assertThat(mailer.inbox.messages()).hasSize(1);
            assertThat(flaky.claims.get()).isGreaterThanOrEqualTo(4);
            assertThat(w.stop()).isTrue();
            assertThat(w.stop()).isFalse();
        } finally {
            scheduler.shutdownNow();
            assertThat(scheduler.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aStoppedWorkerCanBeStartedAgain() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            assertThat(worker.stop()).isFalse();
            worker.start(scheduler, Duration.ofHours(1));
            assertThat(worker.stop()).isTrue();
            worker.start(scheduler, Duration.ofHours(1));
            assertThat(worker.stop()).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
        assertThatThrownBy(() -> worker.start(scheduler, Duration.ZERO)).hasMessageContaining("interval");
    }

    @Test
    void settingsAreCheckedAndNamed() {
        OutboxWorkerBuilder b = OutboxWorker.builder(outbox, mailer, clock);

        assertThatThrownBy(() -> b.maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> b.batchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> b.initialBackoff(Duration.ZERO)).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> b.maxBackoff(Duration.ofSeconds(-1))).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> b.lease(Duration.ZERO)).hasMessageContaining("lease");
        assertThatThrownBy(() -> b.initialBackoff(Duration.ofMinutes(2)).maxBackoff(Duration.ofMinutes(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> OutboxWorker.builder(null, mailer, clock)).hasMessage("outbox");
        assertThatThrownBy(() -> OutboxWorker.builder(outbox, null, clock)).hasMessage("mailer");
        assertThatThrownBy(() -> OutboxWorker.builder(outbox, mailer, null)).hasMessage("clock");
        assertThat(worker).hasToString(
                "OutboxWorker[maxAttempts=8, initialBackoff=PT30S, maxBackoff=PT1H, lease=PT5M, batchSize=50]");
    }

    @Test
    void deliveryReportsAddUp() {
        assertThat(new DeliveryReport(1, 2, 3).plus(new DeliveryReport(4, 5, 6)))
                .isEqualTo(new DeliveryReport(5, 7, 9));
        assertThat(new DeliveryReport(1, 2, 3).total()).isEqualTo(6);
        assertThatThrownBy(() -> new DeliveryReport(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ArrayList<>(List.of(DeliveryReport.NONE))).containsExactly(new DeliveryReport(0, 0, 0));
    }
}
