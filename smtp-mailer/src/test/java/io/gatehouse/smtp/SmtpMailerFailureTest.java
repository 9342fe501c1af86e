package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.MailException;
import io.gatehouse.mail.SendOutcome;
import io.gatehouse.mail.SendOutcome.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Servers that are down, silent or scripted to answer 4xx and 5xx. */
class SmtpMailerFailureTest {
    private static final Duration SAFETY_NET = Duration.ofSeconds(60);

    @Test
    void serverDownGivesATransientErrorNamingHostPortAndCause() throws Exception {
        int port = SilentServer.freePort();
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(port).build());

        assertThatThrownBy(() -> mailer.send(Fixtures.message(1)))
                .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.isTransient()).isTrue())
                .hasMessageContaining("Cannot connect to the SMTP server 127.0.0.1:" + port)
                .hasMessageContaining("Connection refused")
                .hasMessageNotContaining(Fixtures.PASSWORD);
    }

    @Test
    void serverDownFailsAWholeBatchWithTheSameError() throws Exception {
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(SilentServer.freePort()).build());

        assertThatThrownBy(() -> mailer.sendAll(List.of(Fixtures.message(1), Fixtures.message(2))))
                .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void silentServerTimesOutAfterTheConfiguredReadTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(silent.port())
                    .readTimeout(Duration.ofMillis(300)).build());

            assertTimeoutPreemptively(SAFETY_NET, () -> assertThatThrownBy(() -> mailer.send(Fixtures.message(1)))
                    .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.isTransient()).isTrue())
                    .hasMessageContaining("127.0.0.1:" + silent.port())
                    .hasMessageContaining("did not answer within the read timeout of 300ms"));
            assertThat(silent.accepted()).isEqualTo(1);
        }
    }

    @Test
    void scripted451ThenSuccessIsTransientFirstAndSentSecondWithoutRetryingItself() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()
                .onData(n -> n == 1 ? "451 4.3.0 Temporary local problem, try again" : "250 2.0.0 Ok: queued")) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.anonymous(server.port()).build());
            EmailMessage message = Fixtures.message(1);

            SendOutcome first = mailer.send(message);
            assertThat(server.received()).isEmpty();
            SendOutcome second = mailer.send(message);

            assertThat(first.status()).isEqualTo(Status.FAILED_TRANSIENT);
            assertThat(first.detail()).startsWith("451 4.3.0");
            assertThat(second.status()).isEqualTo(Status.SENT);
            assertThat(second.detail()).isEqualTo("250 2.0.0 Ok: queued");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void scripted550ForOneRecipientRejectsThatMessageAndSendsTheOthersOverOneConnection() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().onRcpt(a -> a.equals("nobody@example.com")
                ? "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown" : "250 2.1.5 OK")) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.anonymous(server.port()).build());
            List<EmailMessage> batch = List.of(Fixtures.message(1), Fixtures.messageTo("nobody@example.com"),
                    Fixtures.message(3));

            List<SendOutcome> outcomes = mailer.sendAll(batch);

            assertThat(outcomes).extracting(SendOutcome::status).containsExactly(Status.SENT, Status.REJECTED, Status.SENT);
            assertThat(outcomes.get(1).detail()).contains("nobody@example.com").contains("550 5.1.1");
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.received()).extracting(r -> r.recipients().get(0))
                    .containsExactly("user1@example.com", "user3@example.com");
        }
    }

    @Test
    void scripted450ForTheRecipientIsTransient() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()
                .onRcpt(a -> "450 4.2.1 Mailbox busy, try later")) {
            SendOutcome outcome = SmtpMailer.create(Fixtures.anonymous(server.port()).build()).send(Fixtures.message(1));

            assertThat(outcome.status()).isEqualTo(Status.FAILED_TRANSIENT);
            assertThat(outcome.detail()).contains("450 4.2.1");
        }
    }

    @Test
    void scriptedRefusalOfOneOfTwoRecipientsStillSendsToTheOtherAndNamesTheRefusedOne() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().onRcpt(a -> a.equals("nobody@example.com")
                ? "550 5.1.1 User unknown" : "250 2.1.5 OK")) {
            EmailMessage message = EmailMessage.builder().from("no-reply@example.com")
                    .to("minsu@example.com", "nobody@example.com").subject("Hi").text("Hi").build();

            SendOutcome outcome = SmtpMailer.create(Fixtures.anonymous(server.port()).build()).send(message);

            assertThat(outcome.status()).isEqualTo(Status.SENT);
            assertThat(outcome.detail()).startsWith("250").contains("refused: nobody@example.com (550 5.1.1 User unknown)");
            assertThat(server.received().get(0).recipients()).containsExactly("minsu@example.com");
        }
    }

    @Test
    void scripted554AfterTheDataRejectsTheMessage() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().onData(n -> "554 5.7.1 Message rejected as spam")) {
            SendOutcome outcome = SmtpMailer.create(Fixtures.anonymous(server.port()).build()).send(Fixtures.message(1));

            assertThat(outcome.status()).isEqualTo(Status.REJECTED);
            assertThat(outcome.detail()).isEqualTo("554 5.7.1 Message rejected as spam");
        }
    }

    @Test
    void scripted550ForTheSenderRejectsTheMessage() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()
                .onMail(from -> "550 5.7.1 Sender address not allowed")) {
            SendOutcome outcome = SmtpMailer.create(Fixtures.anonymous(server.port()).build()).send(Fixtures.message(1));

            assertThat(outcome.status()).isEqualTo(Status.REJECTED);
            assertThat(outcome.detail()).contains("550 5.7.1");
        }
    }

    @Test
    void scripted530ForTheFirstMessageMeansTheSettingsLackCredentials() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()
                .onMail(from -> "530 5.7.0 Authentication required")) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.anonymous(server.port()).build());

            assertThatThrownBy(() -> mailer.send(Fixtures.message(1)))
                    .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.isTransient()).isFalse())
                    .hasMessageContaining("requires authentication");
        }
    }

    @Test
    void scripted530AfterTheFirstMessageLeavesTheRestTransient() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            int[] mails = {0};
            server.onMail(from -> ++mails[0] == 1 ? "250 OK" : "530 5.7.0 Authentication required");
            List<SendOutcome> outcomes = SmtpMailer.create(Fixtures.anonymous(server.port()).build())
                    .sendAll(List.of(Fixtures.message(1), Fixtures.message(2), Fixtures.message(3)));

            assertThat(outcomes).extracting(SendOutcome::status)
                    .containsExactly(Status.SENT, Status.FAILED_TRANSIENT, Status.FAILED_TRANSIENT);
            assertThat(outcomes.get(2).detail()).contains("requires authentication");
        }
    }
}
