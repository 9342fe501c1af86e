package io.gatehouse.outbox;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.InMemoryMailer;
import io.gatehouse.mail.MailException;
import io.gatehouse.mail.Mailer;
import io.gatehouse.mail.SendOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A mailer for worker tests: records every batch handed to {@link #sendAll}, can fail whole batches with a
 * {@link MailException} (as an unreachable server does), and otherwise sends through an {@link InMemoryMailer},
 * whose {@code failNext} fails single messages. Thread-safe.
 */
final class RecordingMailer implements Mailer {
    final InMemoryMailer inbox = new InMemoryMailer();
    private final List<List<EmailMessage>> batches = new ArrayList<>();
    private int outagesLeft;
    private boolean outageTransient;

    @Override
    public SendOutcome send(EmailMessage message) {
        return sendAll(List.of(message)).get(0);
    }

    @Override
    public synchronized List<SendOutcome> sendAll(List<EmailMessage> messages) {
        batches.add(List.copyOf(messages));
        if (outagesLeft > 0) {
            outagesLeft--;
            throw new MailException(outageTransient ? "Connection to smtp.example.com:587 refused."
                    : "Authentication to smtp.example.com:587 as app@example.com failed.", outageTransient, null);
        }
        return inbox.sendAll(messages);
    }

    /** Makes the next {@code count} batches fail as a whole. */
    synchronized void failNextBatches(int count, boolean isTransient) {
        outagesLeft = count;
        outageTransient = isTransient;
    }

    /** Every batch handed over, including failed ones, oldest first. */
    synchronized List<List<EmailMessage>> batches() {
        return List.copyOf(batches);
    }

    /** Every message handed over, including failed attempts, oldest first. */
    synchronized List<EmailMessage> attempts() {
        return batches.stream().flatMap(List::stream).toList();
    }
}
