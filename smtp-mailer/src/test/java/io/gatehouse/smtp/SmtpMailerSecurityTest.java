package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.mail.MailException;
import io.gatehouse.mail.SendOutcome;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Plain, SSL and STARTTLS against GreenMail, each with authentication; TLS failures that must stop sending. */
class SmtpMailerSecurityTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMailWithSmtps();

    @Test
    void plainSmtpWithAuthDeliversTheMessage() throws Exception {
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(GREEN_MAIL.getSmtp().getPort()).build(), Fixtures.CLOCK);

        SendOutcome outcome = mailer.send(Fixtures.message(1));

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.SENT);
        assertThat(outcome.detail()).startsWith("250");
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Message 1");
    }

    @Test
    void sslWithAuthDeliversTheMessageAndChecksTheCertificate() throws Exception {
        SmtpSettings settings = SmtpSettings.builder().host("localhost").port(GREEN_MAIL.getSmtps().getPort())
                .security(SmtpSecurity.SSL).username(Fixtures.USER).password(Fixtures.PASSWORD)
                .trustStore(TestTls.localhostTrust()).build();
        SmtpMailer mailer = SmtpMailer.create(settings, Fixtures.CLOCK);

        SendOutcome outcome = mailer.send(Fixtures.message(2));

        assertThat(outcome.isSent()).isTrue();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(settings.checkServerIdentity()).isTrue();
    }

    @Test
    void startTlsWithAuthUpgradesThenDelivers() throws Exception {
        try (StartTlsFront front = new StartTlsFront(GREEN_MAIL.getSmtp().getPort(), TestTls.localhostServer())) {
            SmtpSettings settings = SmtpSettings.builder().host("localhost").port(front.port())
                    .security(SmtpSecurity.STARTTLS).username(Fixtures.USER).password(Fixtures.PASSWORD)
                    .defaultFrom("Gatehouse <no-reply@example.com>").trustStore(TestTls.localhostTrust()).build();

            SmtpTestResult result = SmtpMailer.create(settings, Fixtures.CLOCK).sendTestMail("admin@example.com");

            assertThat(result.ok()).as(result.summary()).isTrue();
            assertThat(result.encrypted()).isTrue();
            assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        }
    }

    @Test
    void startTlsRequiredAgainstAServerWithoutStartTlsFailsAndSendsNothingInPlaintext() throws Exception {
        try (CountingProxy proxy = new CountingProxy(GREEN_MAIL.getSmtp().getPort())) {
            SmtpSettings settings = SmtpSettings.builder().host("127.0.0.1").port(proxy.port())
                    .security(SmtpSecurity.STARTTLS).username(Fixtures.USER).password(Fixtures.PASSWORD).build();
            SmtpMailer mailer = SmtpMailer.create(settings, Fixtures.CLOCK);

            assertThatThrownBy(() -> mailer.send(Fixtures.message(3)))
                    .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.isTransient()).isFalse())
                    .hasMessageContaining("does not offer STARTTLS")
                    .hasMessageContaining("127.0.0.1:" + proxy.port());

            assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
            assertThat(proxy.clientBytes()).contains("EHLO").doesNotContain("AUTH").doesNotContain("MAIL FROM");
        }
    }

    @Test
    void sslWithoutTrustForTheSelfSignedCertificateFails() {
        // No trust store: the JVM's default authorities, which do not know the test certificate.
        SmtpSettings settings = SmtpSettings.builder().host("localhost").port(GREEN_MAIL.getSmtps().getPort())
                .security(SmtpSecurity.SSL).username(Fixtures.USER).password(Fixtures.PASSWORD).build();

        assertThatThrownBy(() -> SmtpMailer.create(settings).send(Fixtures.message(4)))
                .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("TLS handshake")
                .hasMessageNotContaining(Fixtures.PASSWORD);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void startTlsToAServerWhoseCertificateNamesAnotherHostFailsEvenWhenTheCertificateIsTrusted() throws Exception {
        try (StartTlsFront front = new StartTlsFront(GREEN_MAIL.getSmtp().getPort(), TestTls.otherNameServer())) {
            SmtpSettingsBuilder builder = SmtpSettings.builder().host("localhost").port(front.port())
                    .username(Fixtures.USER).password(Fixtures.PASSWORD).trustStore(TestTls.otherNameTrust());

            assertThatThrownBy(() -> SmtpMailer.create(builder.build()).send(Fixtures.message(5)))
                    .isInstanceOf(MailException.class)
                    .hasMessageContaining("TLS handshake")
                    .hasMessageContaining("name the host localhost");
            assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

            // Switched off explicitly, the same trusted certificate is accepted: the check was what refused it.
            SendOutcome outcome = SmtpMailer.create(builder.checkServerIdentity(false).build()).send(Fixtures.message(5));
            assertThat(outcome.isSent()).isTrue();
        }
    }

    @Test
    void plainSmtpWithAWrongPasswordFailsPermanentlyMentioningAppPasswords() {
        SmtpSettings settings = Fixtures.plain(GREEN_MAIL.getSmtp().getPort()).password("wrong-" + Fixtures.PASSWORD)
                .build();

        assertThatThrownBy(() -> SmtpMailer.create(settings).send(Fixtures.message(6)))
                .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("refused the username 'gatehouse' or its password")
                .hasMessageContaining("app password")
                .hasMessageContaining("Gmail and Naver")
                .hasMessageNotContaining(Fixtures.PASSWORD);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }
}
