package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.InvalidInputException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SmtpMailer.sendTestMail: settings checked end to end, the server's answer reported. */
class SmtpMailerTestMailTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMail();

    private int port() {
        return GREEN_MAIL.getSmtp().getPort();
    }

    @Test
    void plainSmtpWithAuthTestMailReportsTheServersReply() throws Exception {
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(port()).defaultFrom("Gatehouse <no-reply@example.com>")
                .build(), Fixtures.CLOCK);

        SmtpTestResult result = mailer.sendTestMail("admin@example.com");

        assertThat(result.ok()).isTrue();
        assertThat(result.serverReply()).startsWith("250");
        assertThat(result.encrypted()).isFalse();
        assertThat(result.summary()).contains("Connected to 127.0.0.1:" + port(), "logged in as gatehouse",
                "accepted the test mail to admin@example.com", "250").doesNotContain(Fixtures.PASSWORD);
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Gatehouse SMTP test");
        assertThat(received.getMessageID()).isEqualTo(result.messageId());
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("no-reply@example.com");
    }

    @Test
    void plainSmtpWithAuthTestMailFallsBackToTheUsernameAsSenderWhenItIsAnAddress() throws Exception {
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(port()).username(Fixtures.ADDRESS_USER).build());

        SmtpTestResult result = mailer.sendTestMail("admin@example.com");

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(((InternetAddress) GREEN_MAIL.getReceivedMessages()[0].getFrom()[0]).getAddress())
                .isEqualTo(Fixtures.ADDRESS_USER);
    }

    @Test
    void plainSmtpWithAWrongPasswordTestMailReportsTheRefusalAndAppPasswords() {
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(port()).password("wrong" + Fixtures.PASSWORD)
                .defaultFrom("no-reply@example.com").build());

        SmtpTestResult result = mailer.sendTestMail("admin@example.com");

        assertThat(result.ok()).isFalse();
        assertThat(result.serverReply()).startsWith("535");
        assertThat(result.summary()).contains("refused the username 'gatehouse'", "app password")
                .doesNotContain(Fixtures.PASSWORD);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void serverDownTestMailReportsTheConnectionError() throws Exception {
        int port = SilentServer.freePort();
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(port).defaultFrom("no-reply@example.com").build());

        SmtpTestResult result = mailer.sendTestMail("admin@example.com");

        assertThat(result.ok()).isFalse();
        assertThat(result.serverReply()).isEmpty();
        assertThat(result.summary()).contains("Cannot connect to the SMTP server 127.0.0.1:" + port);
    }

    @Test
    void scriptedRefusalOfTheRecipientTestMailReportsTheReply() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().onRcpt(a -> "550 5.1.1 No such user")) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.anonymous(server.port())
                    .defaultFrom("no-reply@example.com").build());

            SmtpTestResult result = mailer.sendTestMail("nobody@example.com");

            assertThat(result.ok()).isFalse();
            assertThat(result.summary()).contains("without logging in", "was not accepted", "550 5.1.1 No such user");
            assertThat(result.serverReply()).contains("550 5.1.1");
        }
    }

    @Test
    void aTestMailWithoutAnySenderSaysWhichSettingToSet() throws Exception {
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(port()).build());

        SmtpTestResult result = mailer.sendTestMail("admin@example.com");

        assertThat(result.ok()).isFalse();
        assertThat(result.summary()).contains("gatehouse.smtp.from");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aTestMailToAnInvalidAddressIsRefusedBeforeConnecting() {
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(port()).defaultFrom("no-reply@example.com").build());

        assertThatThrownBy(() -> mailer.sendTestMail("not an address")).isInstanceOf(InvalidInputException.class);
    }
}
