package io.gatehouse.outbox;

import io.gatehouse.mail.MailException;
import io.gatehouse.mail.Mailer;
import io.gatehouse.mail.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the due mail of a {@link MailOutbox} through a {@link Mailer}, with retries and exponential back-off.
 *
 * <pre>{@code
 * OutboxWorker worker = OutboxWorker.builder(gatehouse.mailOutbox(), smtpMailer, Clock.systemUTC()).build();
 * ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
 * worker.start(scheduler, Duration.ofSeconds(10));
 * // at shutdown
 * worker.stop();
 * scheduler.shutdown();
 * }</pre>
 *
 * <p>A run claims a batch of due messages for the {@link OutboxWorkerBuilder#lease lease} and sends the whole
 * batch with one {@link Mailer#sendAll} call, so an SMTP mailer uses one connection. Then, per message:
 * <ul>
 *   <li>sent: marked {@link OutboxMail.Status#SENT};</li>
 *   <li>rejected (a permanent refusal such as {@code 550 no such user}): marked
 *       {@link OutboxMail.Status#FAILED} at once, logged at WARN;</li>
 *   <li>failed transiently (such as {@code 421 try again later}): due again after
 *       {@code initialBackoff * 2^(attempts - 1)}, at most {@code maxBackoff}; once a message has had
 *       {@code maxAttempts} attempts it is marked FAILED instead, logged at ERROR.</li>
 * </ul>
 * When the mailer cannot send at all ({@link MailException}: the server is unreachable, the login is refused),
 * every claimed message is due again after its back-off, whatever its attempt count: an outage or a
 * configuration error delays mail but never loses it. Such a failure is logged at WARN when
 * {@link MailException#isTransient() transient}, at ERROR when the configuration must be fixed. (The outbox
 * counts every claim as an attempt, so after a long outage a message has its first temporary refusal as its
 * last.)
 *
 * <p>{@link #runOnce()} sends one batch; {@link #drain()} sends batches until the outbox has no full batch due;
 * {@link #run()} drains and logs instead of throwing, for any scheduler; {@link #start} schedules it.
 *
 * <p>Delivery is at least once: a message claimed by a worker that died, or whose result could not be stored,
 * is claimed again when its lease runs out, and is sent again with the Message-ID it was queued with, so the
 * receiver can recognise the duplicate. Choose a lease longer than sending a whole batch can take. Two workers,
 * on one node or many, never send the same message in the same lease, since {@link MailOutbox#claim} hands a
 * message to one of them only.
 *
 * <p>Thread-safe. Logs carry outbox ids, Message-IDs and recipient counts, never a subject, a body or a link,
 * which carry tokens.
 */
public final class OutboxWorker implements Runnable {
    /** The most batches one {@link #drain()} sends, so that a steady stream of new mail cannot hold it. */
    static final int MAX_BATCHES_PER_DRAIN = 100;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final MailOutbox outbox;
    private final Mailer mailer;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration lease;
    private final int batchSize;
    private final Object scheduleLock = new Object();
    private @Nullable ScheduledFuture<?> scheduled;

    OutboxWorker(OutboxWorkerBuilder b) {
        outbox = b.outbox;
        mailer = b.mailer;
        clock = b.clock;
        maxAttempts = b.maxAttempts;
        initialBackoff = b.initialBackoff;
        maxBackoff = b.maxBackoff;
        lease = b.lease;
        batchSize = b.batchSize;
    }

    /**
     * Starts configuring a worker.
     *
     * @param outbox the outbox to deliver from
     * @param mailer the mailer to send through
     * @param clock the clock that decides what is due
     * @return a builder with the defaults: 8 attempts, back-off from 30 seconds to 1 hour, a 5-minute lease,
     *     batches of 50
     */
    public static OutboxWorkerBuilder builder(MailOutbox outbox, Mailer mailer, Clock clock) {
        return new OutboxWorkerBuilder(outbox, mailer, clock);
    }

    /**
     * Claims one batch of due messages and sends it.
     *
     * @return what happened to the claimed messages; {@code total() == 0} when nothing was due
     * @throws io.gatehouse.StoreException when the outbox cannot be read; nothing was claimed
     */
    public DeliveryReport runOnce() {
        List<OutboxMail> claimed = outbox.claim(clock.instant(), lease, batchSize);
        if (claimed.isEmpty()) {
            return DeliveryReport.NONE;
        }
        List<SendOutcome> outcomes;
        try {
            outcomes = mailer.sendAll(claimed.stream().map(OutboxMail::message).toList());
        } catch (RuntimeException e) {
            return mailerDown(claimed, e);
        }
        DeliveryReport report = record(claimed, outcomes);
        LOG.info("Outbox batch done: {} sent, {} retried, {} failed.", report.sent(), report.retried(),
                report.failed());
        return report;
    }

    /**
     * Sends batches until one is not full or sends nothing (the mailer is down), at most
     * {@value #MAX_BATCHES_PER_DRAIN} of them. Messages that fail are due later, so a drain ends even when
     * nothing goes through.
     *
     * @return the sum of the batches' reports
     * @throws io.gatehouse.StoreException when the outbox cannot be read; batches before it were recorded
     */
    public DeliveryReport drain() {
        DeliveryReport total = DeliveryReport.NONE;
        for (int i = 0; i < MAX_BATCHES_PER_DRAIN; i++) {
            DeliveryReport batch = runOnce();
            total = total.plus(batch);
            if (batch.total() < batchSize || batch.sent() == 0) {
                break;
            }
        }
        return total;
    }

    /**
     * {@link #drain()}, logging instead of throwing, so that a scheduler keeps calling it: a failure of one run
     * (the database is down) never stops the next.
     */
    @Override
    public void run() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.error("Outbox delivery run failed; the next run tries again.", e);
        }
    }

    /**
     * Runs this worker on {@code executor} every {@code interval}, measured from the end of one run to the start
     * of the next, starting now. The executor belongs to the caller, who shuts it down after {@link #stop()}.
     *
     * @param executor the executor to run on
     * @param interval the pause between runs, at least a millisecond
     * @throws IllegalArgumentException naming {@code interval} when it is shorter than a millisecond
     * @throws IllegalStateException when the worker is already started
     */
    public void start(ScheduledExecutorService executor, Duration interval) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms, was " + interval + ".");
        }
        synchronized (scheduleLock) {
            if (scheduled != null) {
                throw new IllegalStateException("The outbox worker is already started; call stop() first.");
            }
            scheduled = executor.scheduleWithFixedDelay(this, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops the runs scheduled by {@link #start}; a run in progress finishes its batch.
     *
     * @return true when the worker was started
     */
    public boolean stop() {
        synchronized (scheduleLock) {
            if (scheduled == null) {
                return false;
            }
            scheduled.cancel(false);
            scheduled = null;
            return true;
        }
    }

    private DeliveryReport record(List<OutboxMail> claimed, List<SendOutcome> outcomes) {
        Instant now = clock.instant();
        Map<String, ArrayDeque<SendOutcome>> byMessageId = new HashMap<>();
        for (SendOutcome outcome : outcomes) {
            byMessageId.computeIfAbsent(outcome.messageId(), id -> new ArrayDeque<>()).add(outcome);
        }
        int sent = 0;
        int retried = 0;
        int failed = 0;
        for (OutboxMail mail : claimed) {
            ArrayDeque<SendOutcome> queue = byMessageId.get(mail.message().messageId());
            SendOutcome outcome = queue == null ? null : queue.poll();
            if (outcome == null) {
                outcome = new SendOutcome(mail.message().messageId(), SendOutcome.Status.FAILED_TRANSIENT,
                        "The mailer reported no outcome for this message.");
            }
            switch (outcome.status()) {
                case SENT -> {
                    markSent(mail, now);
                    sent++;
                }
                case REJECTED -> {
                    LOG.warn("{} was rejected and will not be retried: {}", describe(mail), outcome.detail());
                    markFailed(mail, null, outcome.detail());
                    failed++;
                }
                case FAILED_TRANSIENT -> {
                    if (retryOrGiveUp(mail, outcome.detail(), now)) {
                        retried++;
                    } else {
                        failed++;
                    }
                }
            }
        }
        return new DeliveryReport(sent, retried, failed);
    }

    private boolean retryOrGiveUp(OutboxMail mail, String detail, Instant now) {
        if (mail.attempts() >= maxAttempts) {
            LOG.error("{} failed on attempt {} of {}; giving up: {}", describe(mail), mail.attempts(), maxAttempts,
                    detail);
            markFailed(mail, null, detail);
            return false;
        }
        Instant retryAt = now.plus(backoff(mail.attempts()));
        LOG.info("{} failed on attempt {} of {}; next attempt at {}: {}", describe(mail), mail.attempts(),
                maxAttempts, retryAt, detail);
        markFailed(mail, retryAt, detail);
        return true;
    }

    private DeliveryReport mailerDown(List<OutboxMail> claimed, RuntimeException e) {
        String detail;
        if (e instanceof MailException mailException) {
            detail = String.valueOf(mailException.getMessage());
            if (mailException.isTransient()) {
                LOG.warn("The mailer could not send a batch of {} outbox messages; they will be retried: {}",
                        claimed.size(), detail);
            } else {
                LOG.error("The mailer refused a batch of {} outbox messages; they will be retried with back-off "
                        + "until the mail configuration is fixed: {}", claimed.size(), detail);
            }
        } else {
            // A mailer bug: whether anything went out is unknown, so retry (at least once).
            detail = "The mailer failed with " + e.getClass().getName() + ".";
            LOG.error("The mailer failed for a batch of {} outbox messages; they will be retried with back-off.",
                    claimed.size(), e);
        }
        Instant now = clock.instant();
        for (OutboxMail mail : claimed) {
            markFailed(mail, now.plus(backoff(mail.attempts())), detail);
        }
        return new DeliveryReport(0, claimed.size(), 0);
    }

    /** The pause after attempt number {@code attempts}: the initial back-off doubled per earlier attempt, capped. */
    Duration backoff(int attempts) {
        Duration pause = initialBackoff;
        for (int i = 1; i < attempts; i++) {
            if (pause.compareTo(maxBackoff.dividedBy(2)) >= 0) {
                return maxBackoff;
            }
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }

    private void markSent(OutboxMail mail, Instant now) {
        try {
            if (!outbox.markSent(mail.id(), now)) {
                LOG.warn("{} was sent, but this worker's claim on it had ended (lease over or message deleted); it "
                        + "may be delivered twice.", describe(mail));
            } else {
                LOG.debug("{} sent on attempt {}.", describe(mail), mail.attempts());
            }
        } catch (RuntimeException e) {
            LOG.error("{} was sent but could not be marked sent; it will be sent again after its lease.",
                    describe(mail), e);
        }
    }

    private void markFailed(OutboxMail mail, @Nullable Instant retryAt, String detail) {
        try {
            if (!outbox.markFailed(mail.id(), retryAt, detail)) {
                LOG.warn("{} could not be updated: this worker's claim on it had ended (lease over or message "
                        + "deleted).", describe(mail));
            }
        } catch (RuntimeException e) {
            LOG.error("{} failed and its state could not be stored; it will be tried again after its lease.",
                    describe(mail), e);
        }
    }

    /** What log lines say about a message: never its subject, body or links, which carry tokens. */
    private static String describe(OutboxMail mail) {
        return "Outbox message " + mail.id() + " (Message-ID " + mail.message().messageId() + ", recipients="
                + mail.message().recipients().size() + ")";
    }

    @Override
    public String toString() {
        return "OutboxWorker[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", lease=" + lease + ", batchSize=" + batchSize + "]";
    }
}
