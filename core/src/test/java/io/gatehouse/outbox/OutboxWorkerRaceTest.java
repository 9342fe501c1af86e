package io.gatehouse.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.outbox.OutboxMail.Status;
import io.gatehouse.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

class OutboxWorkerRaceTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @RepeatedTest(5)
    void twoWorkersOnOneOutboxNeverSendOneMessageTwice() throws Exception {
        MutableClock clock = MutableClock.at(T0);
        InMemoryMailOutbox outbox = new InMemoryMailOutbox();
        List<OutboxMail> queued = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            queued.add(outbox.enqueue(OutboxWorkerTest.message("m" + i + "@example.com"), null, T0));
        }
        List<RecordingMailer> mailers = List.of(new RecordingMailer(), new RecordingMailer());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (RecordingMailer mailer : mailers) {
                OutboxWorker worker = OutboxWorker.builder(outbox, mailer, clock).batchSize(7).build();
                runs.add(pool.submit(() -> {
                    go.await();
                    while (worker.drain().total() > 0) {
                        Thread.onSpinWait();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> sent = mailers.stream().flatMap(m -> m.attempts().stream()).map(EmailMessage::messageId)
                .toList();
        assertThat(sent).hasSize(300);
        assertThat(new HashSet<>(sent)).hasSize(300);
        assertThat(queued).allSatisfy(m -> assertThat(outbox.find(m.id()).orElseThrow().status())
                .isEqualTo(Status.SENT));
    }
}
