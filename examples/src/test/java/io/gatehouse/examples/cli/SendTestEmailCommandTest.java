package io.gatehouse.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sendtestemail} against a real SMTP server (GreenMail on an ephemeral port), and against none. */
class SendTestEmailCommandTest {
    static final String SMTP_PASSWORD = "Smtp-secret-61f0";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(smtpOnAnyPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@example.com", "mailer",
                    SMTP_PASSWORD));

    @TempDir
    Path dir;

    private static ServerSetup smtpOnAnyPort() {
        ServerSetup setup = ServerSetupTest.SMTP.createCopy().dynamicPort();
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    private static int port() {
        return GREEN_MAIL.getSmtp().getPort();
    }

    @Test
    void withoutSmtpSettingsTheMailGoesToTheDemoInboxAndTheServersAnswerIsPrinted() throws Exception {
        TestCli.Result result = new TestCli(dir).property("gatehouse.inbox.port", Integer.toString(port()))
                .run("sendtestemail", "admin@example.com");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Connected to 127.0.0.1:" + port(), "accepted the test mail to "
                + "admin@example.com", "Server's answer: 250", "Message-ID: <");
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Gatehouse SMTP test");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("noreply@gatehouse.localhost");
    }

    @Test
    void externalSmtpSettingsFromTheEnvironmentLogInAndSend() throws Exception {
        TestCli.Result result = new TestCli(dir).env("GATEHOUSE_SMTP_HOST", "127.0.0.1")
                .env("GATEHOUSE_SMTP_PORT", Integer.toString(port())).env("GATEHOUSE_SMTP_SECURITY", "none")
                .env("GATEHOUSE_SMTP_USERNAME", "mailer").env("GATEHOUSE_SMTP_PASSWORD", SMTP_PASSWORD)
                .env("GATEHOUSE_SMTP_FROM", "Gatehouse <mailer@example.com>")
                .run("sendtestemail", "admin@example.com");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("logged in as mailer", "Server's answer: 250");
        assertThat(result.err()).contains("Warning: gatehouse.smtp.security is none");
        assertThat(result.all()).doesNotContain(SMTP_PASSWORD);
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void refusedLoginIsExitFiveWithTheServersAnswer() {
        TestCli.Result result = new TestCli(dir).property("gatehouse.smtp.host", "127.0.0.1")
                .property("gatehouse.smtp.port", Integer.toString(port()))
                .property("gatehouse.smtp.security", "none").property("gatehouse.smtp.username", "mailer")
                .property("gatehouse.smtp.password", "wrong-" + SMTP_PASSWORD)
                .property("gatehouse.smtp.from", "mailer@example.com")
                .run("sendtestemail", "admin@example.com");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.err()).contains("refused the username 'mailer'", "Server's answer: 535")
                .doesNotContain(SMTP_PASSWORD);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void smtpServerDownIsExitFiveSayingWhatToStart() throws IOException {
        int closed = MigrateCommandTest.closedPort();

        TestCli.Result result = new TestCli(dir).property("gatehouse.inbox.port", Integer.toString(closed))
                .run("sendtestemail", "admin@example.com");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.err()).startsWith("Error: Cannot connect to the SMTP server 127.0.0.1:" + closed)
                .contains("the demo's inbox on 127.0.0.1:" + closed, "start the demo, or configure an SMTP server");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void badSmtpSettingIsAConfigurationErrorNamingIt() {
        TestCli.Result result = new TestCli(dir).env("GATEHOUSE_SMTP_HOST", "127.0.0.1")
                .env("GATEHOUSE_SMTP_PORT", "twenty-five").run("sendtestemail", "admin@example.com");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("GATEHOUSE_SMTP_PORT");
    }

    @Test
    void badInboxPortIsAConfigurationErrorNamingIt() {
        TestCli.Result result = new TestCli(dir).property("gatehouse.inbox.port", "99999")
                .run("sendtestemail", "admin@example.com");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("gatehouse.inbox.port must be a port number");
    }

    @Test
    void missingSenderIsAConfigurationErrorNamingTheSetting() {
        TestCli.Result result = new TestCli(dir).property("gatehouse.smtp.host", "127.0.0.1")
                .property("gatehouse.smtp.port", Integer.toString(port()))
                .property("gatehouse.smtp.security", "none").run("sendtestemail", "admin@example.com");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("gatehouse.smtp.from", "GATEHOUSE_SMTP_FROM");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void malformedRecipientIsAUsageErrorNamingTheArgument() {
        TestCli.Result result = new TestCli(dir).property("gatehouse.inbox.port", Integer.toString(port()))
                .run("sendtestemail", "not-an-address");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("recipient address", "(ADDRESS)");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }
}
