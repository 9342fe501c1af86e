package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.MailException;
import io.gatehouse.mail.SendOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads the mailer's log lines (slf4j-simple at debug, writing to System.err, see simplelogger.properties):
 * connections, counts and Message-IDs are there; passwords, bodies and links never.
 */
class SmtpLoggingTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMail();

    private static final String TOKEN = "MQ-cb8a7f-9f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String LINK = "https://example.com/reset/" + TOKEN;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
    }

    private String logs() {
        System.err.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static EmailMessage secretMessage(String to) {
        return EmailMessage.builder().from("no-reply@example.com").to(to).subject("Reset your password")
                .text("Private body text. Reset: " + LINK).html("<a href=\"" + LINK + "\">Reset</a>").build();
    }

    @Test
    void plainSmtpWithAuthBatchLogsConnectionsCountsAndIdsButNoSecrets() {
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(GREEN_MAIL.getSmtp().getPort()).build());
        List<EmailMessage> batch = List.of(secretMessage("a@example.com"), secretMessage("b@example.com"));

        List<SendOutcome> outcomes = mailer.sendAll(batch);

        assertThat(outcomes).allMatch(SendOutcome::isSent);
        String logs = logs();
        assertThat(logs).contains("Opened SMTP connection to 127.0.0.1:" + GREEN_MAIL.getSmtp().getPort())
                .contains("Closed SMTP connection")
                .contains("Sent 2 of 2 messages")
                .doesNotContain(Fixtures.PASSWORD, TOKEN, "Private body text");
    }

    @Test
    void scriptedFailuresAreLoggedWithTheirMessageIds() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().onRcpt(a -> a.startsWith("gone")
                ? "550 5.1.1 User unknown" : a.startsWith("busy") ? "451 4.3.0 Try later" : "250 OK")) {
            SmtpMailer mailer = SmtpMailer.create(Fixtures.anonymous(server.port()).build());
            EmailMessage gone = secretMessage("gone@example.com");
            EmailMessage busy = secretMessage("busy@example.com");

            mailer.sendAll(List.of(gone, busy, secretMessage("ok@example.com")));

            String logs = logs();
            assertThat(logs).contains("rejected message " + gone.messageId())
                    .contains("Message " + busy.messageId() + " was not sent")
                    .contains("Sent 1 of 3 messages")
                    .doesNotContain(TOKEN, "Private body text");
        }
    }

    @Test
    void plainSmtpWithAWrongPasswordLogsTheFailureWithoutThePassword() {
        String wrong = "wrong-" + Fixtures.PASSWORD;
        SmtpMailer mailer = SmtpMailer.create(Fixtures.plain(GREEN_MAIL.getSmtp().getPort()).password(wrong).build());

        assertThatThrownBy(() -> mailer.send(secretMessage("a@example.com"))).isInstanceOf(MailException.class);

        String logs = logs();
        assertThat(logs).contains("SMTP login to 127.0.0.1:" + GREEN_MAIL.getSmtp().getPort() + " as gatehouse failed")
                .doesNotContain(wrong, Fixtures.PASSWORD, TOKEN);
    }
}
