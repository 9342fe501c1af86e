package io.gatehouse.outbox;

import io.gatehouse.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures an {@link OutboxWorker}; start with {@link OutboxWorker#builder}. Each setter checks its value at
 * once and throws an {@link IllegalArgumentException} naming the setting. Not thread-safe; the worker it builds
 * is.
 */
public final class OutboxWorkerBuilder {
    final MailOutbox outbox;
    final Mailer mailer;
    final Clock clock;
    int maxAttempts = 8;
    Duration initialBackoff = Duration.ofSeconds(30);
    Duration maxBackoff = Duration.ofHours(1);
    Duration lease = Duration.ofMinutes(5);
    int batchSize = 50;

    OutboxWorkerBuilder(MailOutbox outbox, Mailer mailer, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * How many attempts a message gets when the server answers it with a temporary failure; the attempt that
     * reaches this number and fails marks it failed. Failures of the whole mailer do not give up (see
     * {@link OutboxWorker}). Default 8.
     *
     * @param value at least 1
     * @return this builder
     */
    public OutboxWorkerBuilder maxAttempts(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + value + ".");
        }
        maxAttempts = value;
        return this;
    }

    /**
     * The pause after the first failed attempt; it doubles after each further one. Default 30 seconds.
     *
     * @param value positive
     * @return this builder
     */
    public OutboxWorkerBuilder initialBackoff(Duration value) {
        initialBackoff = positive(value, "initialBackoff");
        return this;
    }

    /**
     * The longest pause between attempts. Default 1 hour.
     *
     * @param value positive, and not shorter than the initial back-off when the worker is built
     * @return this builder
     */
    public OutboxWorkerBuilder maxBackoff(Duration value) {
        maxBackoff = positive(value, "maxBackoff");
        return this;
    }

    /**
     * How long a claimed message stays with this worker before another may take it over. Longer than sending
     * a whole batch can take, or a slow batch is sent twice. Default 5 minutes.
     *
     * @param value positive
     * @return this builder
     */
    public OutboxWorkerBuilder lease(Duration value) {
        lease = positive(value, "lease");
        return this;
    }

    /**
     * The most messages one run claims and sends over one connection. Default 50.
     *
     * @param value at least 1
     * @return this builder
     */
    public OutboxWorkerBuilder batchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + value + ".");
        }
        batchSize = value;
        return this;
    }

    /**
     * Builds the worker.
     *
     * @return the worker, not yet started
     * @throws IllegalArgumentException naming {@code maxBackoff} when it is shorter than the initial back-off
     */
    public OutboxWorker build() {
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than "
                    + "initialBackoff (" + initialBackoff + ").");
        }
        return new OutboxWorker(this);
    }

    private static Duration positive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value + ".");
        }
        return value;
    }
}
