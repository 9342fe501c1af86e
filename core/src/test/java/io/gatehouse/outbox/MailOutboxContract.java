package io.gatehouse.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.outbox.OutboxMail.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MailOutbox} shares. A store's test extends this class and supplies a fresh,
 * empty outbox; the JDBC module runs the same methods through the core test-jar.
 *
 * <p>Every instant is a whole millisecond, the precision stores must keep. A message is due when its
 * {@code nextAttemptAt} is at or before the claim's {@code now}.
 */
public abstract class MailOutboxContract {
    /** A whole-millisecond instant the tests count from. */
    protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private MailOutbox outbox;

    /**
     * Creates the outbox under test.
     *
     * @return a fresh, empty outbox; each test gets its own
     */
    protected abstract MailOutbox newOutbox();

    /**
     * A user id the outbox accepts in {@code userId}; stores with foreign keys create the user first.
     *
     * @param name a name unique within the test
     * @return the id of an existing user
     */
    protected abstract long newUserId(String name);

    @BeforeEach
    void createOutbox() {
        outbox = newOutbox();
    }

    private static EmailMessage message(String to) {
        return EmailMessage.builder().from("Gatehouse <noreply@example.com>").to(to)
                .subject("안녕하세요 — verify").text("Hello 세계\nline two").html("<p>Hello <b>세계</b></p>")
                .header("X-Gatehouse-Flow", "verification").build();
    }

    @Test
    void enqueueRoundTripsTheMessageWithItsMessageId() {
        long user = newUserId("alice");
        EmailMessage sent = message("alice@example.com");

        OutboxMail queued = outbox.enqueue(sent, user, T0);

        assertThat(queued.id()).isPositive();
        assertThat(queued.status()).isEqualTo(Status.PENDING);
        assertThat(queued.attempts()).isZero();
        assertThat(queued.createdAt()).isEqualTo(T0);
        assertThat(queued.nextAttemptAt()).isEqualTo(T0);
        assertThat(queued.userId()).isEqualTo(user);
        assertThat(queued.lastError()).isNull();
        OutboxMail found = outbox.find(queued.id()).orElseThrow();
        assertThat(found).isEqualTo(queued);
        assertThat(found.message()).isEqualTo(sent);
        assertThat(found.message().messageId()).isEqualTo(sent.messageId());
        assertThat(found.message().html()).contains("<p>Hello <b>세계</b></p>");
        assertThat(found.message().headers()).containsEntry("X-Gatehouse-Flow", "verification");
    }

    @Test
    void enqueueWithoutAUserKeepsNoUser() {
        OutboxMail queued = outbox.enqueue(message("ops@example.com"), null, T0);

        assertThat(outbox.find(queued.id()).orElseThrow().user()).isEmpty();
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        assertThat(outbox.find(987_654_321L)).isEmpty();
    }

    @Test
    void claimTakesDueMessagesOldestFirstAndCountsTheAttempt() {
        OutboxMail first = outbox.enqueue(message("a@example.com"), null, T0);
        OutboxMail second = outbox.enqueue(message("b@example.com"), null, T0.plusMillis(1));
        outbox.enqueue(message("later@example.com"), null, T0.plusSeconds(60));

        List<OutboxMail> claimed = outbox.claim(T0.plusSeconds(1), LEASE, 10);

        assertThat(claimed).extracting(OutboxMail::id).containsExactly(first.id(), second.id());
        assertThat(claimed).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(Status.SENDING);
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.nextAttemptAt()).isEqualTo(T0.plusSeconds(1).plus(LEASE));
        });
        assertThat(outbox.find(first.id()).orElseThrow().status()).isEqualTo(Status.SENDING);
    }

    @Test
    void claimRespectsTheLimit() {
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(message("m" + i + "@example.com"), null, T0);
        }

        assertThat(outbox.claim(T0, LEASE, 2)).hasSize(2);
        assertThat(outbox.claim(T0, LEASE, 10)).hasSize(3);
        assertThat(outbox.claim(T0, LEASE, 10)).isEmpty();
    }

    @Test
    void aClaimedMessageIsNotClaimedAgainUntilItsLeaseRunsOut() {
        OutboxMail queued = outbox.enqueue(message("a@example.com"), null, T0);
        outbox.claim(T0, LEASE, 10);

        assertThat(outbox.claim(T0.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
        List<OutboxMail> retaken = outbox.claim(T0.plus(LEASE), LEASE, 10);

        assertThat(retaken).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(queued.id());
            assertThat(m.attempts()).isEqualTo(2);
        });
    }

    @Test
    void markSentFinishesAClaimedMessage() {
        OutboxMail queued = outbox.enqueue(message("a@example.com"), null, T0);
        outbox.claim(T0, LEASE, 10);

        assertThat(outbox.markSent(queued.id(), T0.plusSeconds(2))).isTrue();

        assertThat(outbox.find(queued.id()).orElseThrow().status()).isEqualTo(Status.SENT);
        assertThat(outbox.claim(T0.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
        assertThat(outbox.markSent(queued.id(), T0.plusSeconds(3))).as("already sent").isFalse();
    }

    @Test
    void markSentOfAnUnclaimedOrUnknownMessageIsRefused() {
        OutboxMail queued = outbox.enqueue(message("a@example.com"), null, T0);

        assertThat(outbox.markSent(queued.id(), T0)).isFalse();
        assertThat(outbox.markSent(987_654_321L, T0)).isFalse();
        assertThat(outbox.find(queued.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
    }

    @Test
    void markFailedWithARetryTimeMakesItPendingAgainAtThatTime() {
        OutboxMail queued = outbox.enqueue(message("a@example.com"), null, T0);
        outbox.claim(T0, LEASE, 10);
        Instant retryAt = T0.plusSeconds(30);

        assertThat(outbox.markFailed(queued.id(), retryAt, "421 try again later")).isTrue();

        OutboxMail found = outbox.find(queued.id()).orElseThrow();
        assertThat(found.status()).isEqualTo(Status.PENDING);
        assertThat(found.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(found.lastError()).isEqualTo("421 try again later");
        assertThat(outbox.claim(retryAt.minusMillis(1), LEASE, 10)).isEmpty();
        assertThat(outbox.claim(retryAt, LEASE, 10)).singleElement()
                .satisfies(m -> assertThat(m.attempts()).isEqualTo(2));
    }

    @Test
    void markFailedWithoutARetryGivesUpForGood() {
        OutboxMail queued = outbox.enqueue(message("a@example.com"), null, T0);
        outbox.claim(T0, LEASE, 10);

        assertThat(outbox.markFailed(queued.id(), null, "550 no such user")).isTrue();

        OutboxMail found = outbox.find(queued.id()).orElseThrow();
        assertThat(found.status()).isEqualTo(Status.FAILED);
        assertThat(found.lastError()).isEqualTo("550 no such user");
        assertThat(outbox.claim(T0.plus(Duration.ofDays(365)), LEASE, 10)).isEmpty();
        assertThat(outbox.markFailed(queued.id(), null, "again")).as("no longer claimed").isFalse();
    }

    @Test
    void deleteUnsentDropsOnlyThatUsersPendingAndClaimedMail() {
        long alice = newUserId("alice");
        long bob = newUserId("bob");
        OutboxMail pending = outbox.enqueue(message("alice@example.com"), alice, T0);
        OutboxMail claimed = outbox.enqueue(message("alice@example.com"), alice, T0);
        OutboxMail sent = outbox.enqueue(message("alice@example.com"), alice, T0);
        OutboxMail bobs = outbox.enqueue(message("bob@example.com"), bob, T0);
        outbox.claim(T0, LEASE, 10);
        outbox.markSent(sent.id(), T0);
        outbox.markFailed(pending.id(), T0.plusSeconds(1), "later");

        assertThat(outbox.deleteUnsent(alice)).isEqualTo(2);

        assertThat(outbox.find(pending.id())).isEmpty();
        assertThat(outbox.find(claimed.id())).isEmpty();
        assertThat(outbox.find(sent.id())).isPresent();
        assertThat(outbox.find(bobs.id())).isPresent();
        assertThat(outbox.markSent(claimed.id(), T0)).as("a worker finishing a dropped message").isFalse();
    }

    @Test
    void deleteFinishedBeforeKeepsUnsentAndRecentMailAndHonoursTheLimit() {
        List<Long> finished = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            finished.add(outbox.enqueue(message("old" + i + "@example.com"), null, T0).id());
        }
        OutboxMail unsent = outbox.enqueue(message("unsent@example.com"), null, T0);
        outbox.claim(T0, LEASE, 4);
        outbox.markSent(finished.get(0), T0);
        outbox.markSent(finished.get(1), T0);
        outbox.markFailed(finished.get(2), null, "550");
        outbox.markSent(finished.get(3), T0);
        OutboxMail recent = outbox.enqueue(message("recent@example.com"), null, T0.plusSeconds(10));

        assertThat(outbox.deleteFinishedBefore(T0.plusSeconds(10), 3)).isEqualTo(3);
        assertThat(outbox.deleteFinishedBefore(T0.plusSeconds(10), 3)).isEqualTo(1);
        assertThat(outbox.deleteFinishedBefore(T0.plusSeconds(10), 3)).isZero();

        assertThat(outbox.find(unsent.id())).isPresent();
        assertThat(outbox.find(recent.id())).isPresent();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> outbox.claim(T0, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.claim(T0, LEASE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.deleteFinishedBefore(T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentClaimsNeverHandOneMessageToTwoWorkers() throws Exception {
        int messages = 200;
        for (int i = 0; i < messages; i++) {
            outbox.enqueue(message("m" + i + "@example.com"), null, T0);
        }
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    List<Long> mine = new ArrayList<>();
                    List<OutboxMail> batch;
                    while (!(batch = outbox.claim(T0, LEASE, 7)).isEmpty()) {
                        batch.forEach(m -> mine.add(m.id()));
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
            Set<Long> distinct = new HashSet<>(all);
            assertThat(all).hasSize(messages);
            assertThat(distinct).hasSize(messages);
        } finally {
            pool.shutdownNow();
        }
    }
}
