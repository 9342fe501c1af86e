package io.gatehouse.outbox;

import io.gatehouse.mail.EmailMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Port: the durable queue of mail waiting to be sent. Implementations: {@link InMemoryMailOutbox}, and the
 * JDBC outbox of {@code gatehouse-jdbc-store}, which joins the caller's {@link io.gatehouse.UnitOfWork} so that
 * a message is queued if and only if the state change that caused it is stored. Every implementation passes
 * the {@code MailOutboxContract} test suite.
 *
 * <p>Implementations are thread-safe, and {@link #claim} hands a message to one worker at a time even when
 * several nodes share the outbox. Failures of the backing store are {@link io.gatehouse.StoreException}s.
 */
public interface MailOutbox {
    /**
     * Queues a message, due at once.
     *
     * @param message the message
     * @param userId the user the message is about, or {@code null}
     * @param now the current time
     * @return the queued entry: {@link OutboxMail.Status#PENDING}, no attempts, due at {@code now}
     */
    OutboxMail enqueue(EmailMessage message, @Nullable Long userId, Instant now);

    /**
     * Claims due messages for one worker: pending messages due at or before {@code now}, and messages whose
     * earlier claim ran out (a worker that died mid-send), oldest first. Each claimed message becomes
     * {@link OutboxMail.Status#SENDING} until {@code now + lease}, with its attempt count raised by one. Two
     * concurrent claims never return the same message.
     *
     * @param now the current time
     * @param lease how long the claim lasts, positive
     * @param limit the most messages to claim, positive
     * @return the claimed messages, as they are after the claim
     */
    List<OutboxMail> claim(Instant now, Duration lease, int limit);

    /**
     * Records that a claimed message was accepted by the mail server.
     *
     * @param id the message's id
     * @param now the current time
     * @return true when the message was {@link OutboxMail.Status#SENDING} and is now sent
     */
    boolean markSent(long id, Instant now);

    /**
     * Records a failed attempt of a claimed message.
     *
     * @param id the message's id
     * @param retryAt when to try again, or {@code null} to give up and mark it {@link OutboxMail.Status#FAILED}
     * @param error what went wrong, for operators; never a secret
     * @return true when the message was {@link OutboxMail.Status#SENDING} and is now updated
     */
    boolean markFailed(long id, @Nullable Instant retryAt, String error);

    /**
     * Finds a message.
     *
     * @param id the id
     * @return the entry, or empty
     */
    Optional<OutboxMail> find(long id);

    /**
     * Drops the mail about a user that is not sent yet (pending or claimed), as when the account is deleted
     * and its links must never arrive.
     *
     * @param userId the user
     * @return how many messages were dropped
     */
    int deleteUnsent(long userId);

    /**
     * Deletes at most {@code limit} sent or failed messages queued before {@code cutoff}.
     *
     * @param cutoff the oldest creation time to keep
     * @param limit the most rows to delete, positive
     * @return how many were deleted
     */
    int deleteFinishedBefore(Instant cutoff, int limit);
}
