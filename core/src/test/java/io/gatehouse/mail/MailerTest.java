package io.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.mail.SendOutcome.Status;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The default {@link Mailer#sendAll}: throw only when nothing went out, otherwise one outcome per message. */
class MailerTest {
    private static EmailMessage message(String to) {
        return EmailMessage.builder().from("no-reply@example.com").to(to).build();
    }

    /** Sends until the connection "drops" at the given call, then throws like an SMTP backend would. */
    private static Mailer droppingAt(int failingCall) {
        AtomicInteger calls = new AtomicInteger();
        return message -> {
            if (calls.incrementAndGet() >= failingCall) {
                throw new MailException("Connection to smtp.example.com:587 dropped; retry later.", true, null);
            }
            return SendOutcome.sent(message, "250 OK");
        };
    }

    @Test
    void sendAllThrowsWhenTheFirstMessageCannotBeSent() {
        List<EmailMessage> batch = List.of(message("a@example.com"), message("b@example.com"));

        assertThatThrownBy(() -> droppingAt(1).sendAll(batch)).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void sendAllTurnsALaterInfrastructureFailureIntoTransientOutcomes() {
        List<EmailMessage> batch = List.of(message("a@example.com"), message("b@example.com"), message("c@example.com"));

        List<SendOutcome> outcomes = droppingAt(2).sendAll(batch);

        assertThat(outcomes).extracting(SendOutcome::status)
                .containsExactly(Status.SENT, Status.FAILED_TRANSIENT, Status.FAILED_TRANSIENT);
        assertThat(outcomes.get(1).detail()).contains("dropped");
        assertThat(outcomes.get(2).messageId()).isEqualTo(batch.get(2).messageId());
    }
}
