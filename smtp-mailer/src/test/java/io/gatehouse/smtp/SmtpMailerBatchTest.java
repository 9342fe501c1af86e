package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.SendOutcome;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sendAll over one connection, through a counting proxy in front of GreenMail's plain SMTP (with auth). */
class SmtpMailerBatchTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMail();

    private static List<EmailMessage> messages(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(Fixtures::message).toList();
    }

    @Test
    void plainSmtpThousandMessagesGoOverOneConnection() throws Exception {
        try (CountingProxy proxy = new CountingProxy(GREEN_MAIL.getSmtp().getPort())) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(proxy.port()).build(), Fixtures.CLOCK);
            List<EmailMessage> batch = messages(1000);

            List<SendOutcome> outcomes = mailer.sendAll(batch);

            assertThat(outcomes).hasSize(1000).allMatch(SendOutcome::isSent);
            assertThat(outcomes).extracting(SendOutcome::messageId)
                    .containsExactlyElementsOf(batch.stream().map(EmailMessage::messageId).toList());
            assertThat(proxy.accepted()).isEqualTo(1);
            assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1000);
        }
    }

    @Test
    void plainSmtpConnectionDroppedMidBatchReconnectsOnceAndDeliversTheRest() throws Exception {
        try (CountingProxy proxy = new CountingProxy(GREEN_MAIL.getSmtp().getPort()).cutAfterMessages(7, 1)) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(proxy.port()).build(), Fixtures.CLOCK);

            List<SendOutcome> outcomes = mailer.sendAll(messages(20));

            assertThat(outcomes).hasSize(20).allMatch(SendOutcome::isSent);
            assertThat(proxy.accepted()).isEqualTo(2);
            // Each message exactly once: the one cut off before its data was sent again, nothing twice.
            assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(20);
        }
    }

    @Test
    void plainSmtpConnectionDroppedAfterTheDataReportsThatMessageTransientAndDeliversTheRest() throws Exception {
        try (CountingProxy proxy = new CountingProxy(GREEN_MAIL.getSmtp().getPort()).cutBeforeAcknowledging(4)) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(proxy.port()).build(), Fixtures.CLOCK);

            List<SendOutcome> outcomes = mailer.sendAll(messages(10));

            // Message 4 reached the server but its 250 never came back: not resent in the batch (that would
            // deliver it twice), reported transient with a detail that says the server may have it.
            assertThat(outcomes.get(3).status()).isEqualTo(SendOutcome.Status.FAILED_TRANSIENT);
            assertThat(outcomes.get(3).detail()).contains("may have accepted it");
            assertThat(outcomes).filteredOn(SendOutcome::isSent).hasSize(9);
            assertThat(proxy.accepted()).isEqualTo(2);
            assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(10);
        }
    }

    @Test
    void plainSmtpConnectionDroppedTwiceLeavesTheRestTransientWithoutThrowing() throws Exception {
        try (CountingProxy proxy = new CountingProxy(GREEN_MAIL.getSmtp().getPort()).cutAfterMessages(3, 5)) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(proxy.port()).build(), Fixtures.CLOCK);

            List<SendOutcome> outcomes = mailer.sendAll(messages(10));

            assertThat(outcomes).hasSize(10);
            assertThat(outcomes.subList(0, 6)).allMatch(SendOutcome::isSent);
            assertThat(outcomes.subList(6, 10)).allSatisfy(o -> {
                assertThat(o.status()).isEqualTo(SendOutcome.Status.FAILED_TRANSIENT);
                assertThat(o.detail()).contains("lost twice");
            });
            assertThat(proxy.accepted()).isEqualTo(2);
            assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(6);
        }
    }

    @Test
    void plainSmtpSendOpensOneConnectionPerCall() throws Exception {
        try (CountingProxy proxy = new CountingProxy(GREEN_MAIL.getSmtp().getPort())) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(proxy.port()).build(), Fixtures.CLOCK);

            mailer.send(Fixtures.message(1));
            mailer.send(Fixtures.message(2));

            assertThat(proxy.accepted()).isEqualTo(2);
        }
    }

    @Test
    void anEmptyBatchOpensNoConnection() throws Exception {
        try (CountingProxy proxy = new CountingProxy(GREEN_MAIL.getSmtp().getPort())) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(proxy.port()).build(), Fixtures.CLOCK);

            assertThat(mailer.sendAll(List.of())).isEmpty();
            assertThat(proxy.accepted()).isZero();
        }
    }
}
