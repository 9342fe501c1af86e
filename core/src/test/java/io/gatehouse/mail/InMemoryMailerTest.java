package io.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.mail.SendOutcome.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryMailerTest {
    private final InMemoryMailer mailer = new InMemoryMailer();

    private static EmailMessage to(String... recipients) {
        return EmailMessage.builder().from("no-reply@example.com").to(recipients).subject("s").text("t").build();
    }

    @Test
    void sendKeepsTheMessageAndReportsSent() {
        EmailMessage message = to("a@example.com");

        SendOutcome outcome = mailer.send(message);

        assertThat(outcome.status()).isEqualTo(Status.SENT);
        assertThat(outcome.messageId()).isEqualTo(message.messageId());
        assertThat(mailer.messages()).containsExactly(message);
        assertThat(mailer.last()).contains(message);
    }

    @Test
    void messagesToMatchesCaseInsensitivelyAcrossToCcAndBcc() {
        EmailMessage direct = to("Minsu@Example.kr");
        EmailMessage copied = EmailMessage.builder().from("no-reply@example.com").to("x@example.com")
                .cc("MINSU@example.KR").build();
        EmailMessage blind = EmailMessage.builder().from("no-reply@example.com").bcc("minsu@example.kr").build();
        mailer.send(direct);
        mailer.send(copied);
        mailer.send(blind);
        mailer.send(to("other@example.com"));

        assertThat(mailer.messagesTo("minsu@EXAMPLE.kr")).containsExactly(direct, copied, blind);
        assertThat(mailer.messagesTo("not an address")).isEmpty();
    }

    @Test
    void lastIsEmptyWhenNothingWasSent() {
        assertThat(mailer.last()).isEmpty();
    }

    @Test
    void clearForgetsMessagesAndPendingFailures() {
        mailer.send(to("a@example.com"));
        mailer.failNext(3, Status.REJECTED);

        mailer.clear();

        assertThat(mailer.messages()).isEmpty();
        assertThat(mailer.send(to("a@example.com")).isSent()).isTrue();
    }

    @Test
    void failNextFailsExactlyThatManySendsWithoutKeepingThem() {
        mailer.failNext(2, Status.FAILED_TRANSIENT);

        assertThat(mailer.send(to("a@example.com")).status()).isEqualTo(Status.FAILED_TRANSIENT);
        assertThat(mailer.send(to("a@example.com")).status()).isEqualTo(Status.FAILED_TRANSIENT);
        assertThat(mailer.send(to("a@example.com")).status()).isEqualTo(Status.SENT);
        assertThat(mailer.messages()).hasSize(1);
    }

    @Test
    void failNextRefusesSentAsAFailure() {
        assertThatThrownBy(() -> mailer.failNext(1, Status.SENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mailer.failNext(-1, Status.REJECTED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendAllReportsEachMessageInOrderAndOneFailureDoesNotStopTheRest() {
        List<EmailMessage> batch = List.of(to("a@example.com"), to("b@example.com"), to("c@example.com"));
        mailer.failNext(1, Status.REJECTED);

        List<SendOutcome> outcomes = mailer.sendAll(batch);

        assertThat(outcomes).extracting(SendOutcome::status)
                .containsExactly(Status.REJECTED, Status.SENT, Status.SENT);
        assertThat(outcomes).extracting(SendOutcome::messageId)
                .containsExactly(batch.get(0).messageId(), batch.get(1).messageId(), batch.get(2).messageId());
        assertThat(mailer.messages()).containsExactly(batch.get(1), batch.get(2));
    }

    @Test
    void sendAllOfNothingIsNothing() {
        assertThat(mailer.sendAll(List.of())).isEmpty();
    }
}
