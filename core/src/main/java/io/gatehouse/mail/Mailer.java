package io.gatehouse.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The port through which Gatehouse sends mail, like Django's email backends: SMTP in production, the
 * {@link ConsoleMailer} or {@link FileMailer} in development, the {@link InMemoryMailer} in tests, chosen by
 * configuration alone.
 *
 * <pre>{@code
 * SendOutcome outcome = mailer.send(message);
 * if (outcome.status() == SendOutcome.Status.FAILED_TRANSIENT) {
 *     outbox.retryLater(message);
 * }
 * }</pre>
 *
 * <p>Contract for implementations: thread-safe; a problem with one message (a refused recipient, a 4xx or
 * 5xx reply to it) is a {@link SendOutcome}; a problem that stops every message (cannot connect, cannot
 * authenticate) is a {@link MailException}. Messages arrive validated; the envelope recipients are
 * {@link EmailMessage#recipients()}, and Bcc recipients must not appear in the written headers.
 */
public interface Mailer {
    /**
     * Sends one message.
     *
     * @param message the message
     * @return the outcome; never {@code null}
     * @throws MailException when the backend cannot send at all
     */
    SendOutcome send(EmailMessage message);

    /**
     * Sends many messages, as Django's {@code send_mass_mail}: a backend with connections uses one connection
     * for all of them. A failed message never stops the rest. A {@link MailException} is thrown only when
     * nothing could be sent (the first connection or login failed); once a message has been attempted, a
     * later connection failure becomes a {@link SendOutcome.Status#FAILED_TRANSIENT} outcome for each message
     * not yet sent, so the caller knows exactly which ones went out.
     *
     * <p>The default sends one message at a time through {@link #send}, with the same rule.
     *
     * @param messages the messages, in order
     * @return one outcome per message, in the same order
     * @throws MailException when the backend cannot send at all
     */
    default List<SendOutcome> sendAll(List<EmailMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        List<SendOutcome> outcomes = new ArrayList<>(messages.size());
        for (EmailMessage message : messages) {
            try {
                outcomes.add(send(message));
            } catch (MailException e) {
                if (outcomes.isEmpty()) {
                    throw e;
                }
                String detail = e.getMessage() == null ? "The mailer failed." : e.getMessage();
                // Not REJECTED even when the failure is permanent: the message itself was fine, and it can go
                // once the configuration is fixed.
                outcomes.add(SendOutcome.failedTransient(message, detail));
            }
        }
        return List.copyOf(outcomes);
    }
}
