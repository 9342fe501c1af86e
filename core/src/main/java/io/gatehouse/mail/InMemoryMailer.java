package io.gatehouse.mail;

import io.gatehouse.user.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps sent messages in memory for tests, like Django's {@code locmem} backend. It can be told to fail the
 * next few sends, so that retry logic can be tested.
 *
 * <pre>{@code
 * InMemoryMailer mailer = new InMemoryMailer();
 * accounts.signUp(...);
 * EmailMessage mail = mailer.messagesTo("minsu@example.kr").get(0);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class InMemoryMailer implements Mailer {
    private final List<EmailMessage> messages = new ArrayList<>();
    private int failuresLeft;
    private SendOutcome.Status failureStatus = SendOutcome.Status.FAILED_TRANSIENT;

    /** Creates an empty mailer. */
    public InMemoryMailer() {
    }

    /**
     * Keeps the message, or fails it when a failure is pending.
     *
     * @param message the message
     * @return {@code SENT}, or the pending failure's status; a failed message is not kept
     */
    @Override
    public synchronized SendOutcome send(EmailMessage message) {
        Objects.requireNonNull(message, "message");
        if (failuresLeft > 0) {
            failuresLeft--;
            return new SendOutcome(message.messageId(), failureStatus, "Failed on request of the test.");
        }
        messages.add(message);
        return SendOutcome.sent(message, "Kept in memory.");
    }

    /**
     * Makes the next sends fail without keeping their messages.
     *
     * @param count how many sends fail; 0 cancels pending failures
     * @param status {@code REJECTED} or {@code FAILED_TRANSIENT}
     * @throws IllegalArgumentException when count is negative or status is {@code SENT}
     */
    public synchronized void failNext(int count, SendOutcome.Status status) {
        Objects.requireNonNull(status, "status");
        if (count < 0 || status == SendOutcome.Status.SENT) {
            throw new IllegalArgumentException("failNext needs a count of at least 0 and a failure status, not "
                    + count + " and " + status + ".");
        }
        failuresLeft = count;
        failureStatus = status;
    }

    /**
     * The messages sent so far, oldest first.
     *
     * @return a snapshot, unmodifiable
     */
    public synchronized List<EmailMessage> messages() {
        return List.copyOf(messages);
    }

    /**
     * The messages with an address among their to, cc or bcc recipients, compared case-insensitively.
     *
     * @param address an address in any letter case
     * @return the messages, oldest first; empty for a malformed address
     */
    public synchronized List<EmailMessage> messagesTo(String address) {
        Objects.requireNonNull(address, "address");
        if (!EmailAddress.isValid(address)) {
            return List.of();
        }
        String key = EmailAddress.canonical(address);
        return messages.stream()
                .filter(m -> m.recipients().stream().anyMatch(r -> EmailAddress.canonical(r.address()).equals(key)))
                .toList();
    }

    /**
     * The most recent message.
     *
     * @return the last message sent, or empty when none was
     */
    public synchronized Optional<EmailMessage> last() {
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }

    /** Forgets every message and every pending failure. */
    public synchronized void clear() {
        messages.clear();
        failuresLeft = 0;
    }
}
