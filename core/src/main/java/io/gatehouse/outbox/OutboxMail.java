package io.gatehouse.outbox;

import io.gatehouse.mail.EmailMessage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One message in the {@link MailOutbox}, with its delivery state.
 *
 * @param id the outbox-assigned id, positive
 * @param userId the user the message is about, or {@code null}; a deleted user's pending mail is dropped
 * @param message the message, with the Message-ID it keeps on every attempt
 * @param status where delivery stands
 * @param attempts how many delivery attempts have started
 * @param createdAt when the message was queued
 * @param nextAttemptAt when it is due: for {@link Status#PENDING} the next attempt, for {@link Status#SENDING}
 *     the end of the claim, after which another worker may take it over
 * @param lastError what the last failed attempt reported, or {@code null}
 */
public record OutboxMail(
        long id,
        @Nullable Long userId,
        EmailMessage message,
        Status status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable String lastError) {

    /** Where delivery of an outbox message stands. */
    public enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /** Claimed by a worker until {@link OutboxMail#nextAttemptAt()}. */
        SENDING,
        /** Accepted by the mail server. */
        SENT,
        /** Given up on: refused for good, or out of attempts. */
        FAILED
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when the id is not positive or the attempt count is negative
     */
    public OutboxMail {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, was " + id + ".");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, was " + attempts + ".");
        }
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /**
     * The user the message is about.
     *
     * @return the user id, or empty for mail about no user
     */
    public Optional<Long> user() {
        return Optional.ofNullable(userId);
    }
}
