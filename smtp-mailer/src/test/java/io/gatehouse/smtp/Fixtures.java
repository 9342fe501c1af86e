package io.gatehouse.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.gatehouse.mail.EmailMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Shared test values: a GreenMail with one account, settings pointing at it, messages. */
final class Fixtures {
    static final String USER = "gatehouse";
    /** A recognisable password, so tests can prove it never shows up anywhere. */
    static final String PASSWORD = "Pw-7c1d9e-never-log-me";
    /** A second account whose login is an address, for the test mail's fall-back sender. */
    static final String ADDRESS_USER = "mailer@example.com";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneId.of("Asia/Seoul"));

    private Fixtures() {
    }

    /** Plain SMTP on an ephemeral port; the account gatehouse / {@link #PASSWORD}. */
    static GreenMailExtension greenMail() {
        return new GreenMailExtension(new ServerSetup[] {slowStart(ServerSetupTest.SMTP)})
                .withConfiguration(accounts());
    }

    /** Plain SMTP and SMTPS on ephemeral ports; the account gatehouse / {@link #PASSWORD}. */
    static GreenMailExtension greenMailWithSmtps() {
        return new GreenMailExtension(new ServerSetup[] {
            slowStart(ServerSetupTest.SMTP), slowStart(ServerSetupTest.SMTPS)})
                .withConfiguration(accounts());
    }

    private static GreenMailConfiguration accounts() {
        return GreenMailConfiguration.aConfig().withUser("sender@example.com", USER, PASSWORD)
                .withUser(ADDRESS_USER, ADDRESS_USER, PASSWORD);
    }

    private static ServerSetup slowStart(ServerSetup setup) {
        // A busy machine can need more than GreenMail's default 2 s to set up TLS; a safety net, not a timing test.
        ServerSetup copy = setup.createCopy().dynamicPort();
        copy.setServerStartupTimeout(30_000);
        return copy;
    }

    /** Settings for a plaintext server on a loopback port, logging in as the GreenMail account. */
    static SmtpSettingsBuilder plain(int port) {
        return SmtpSettings.builder().host("127.0.0.1").port(port).security(SmtpSecurity.NONE)
                .username(USER).password(PASSWORD).readTimeout(Duration.ofSeconds(20));
    }

    /** Settings for a server without authentication. */
    static SmtpSettingsBuilder anonymous(int port) {
        return SmtpSettings.builder().host("127.0.0.1").port(port).security(SmtpSecurity.NONE)
                .readTimeout(Duration.ofSeconds(20));
    }

    static EmailMessage message(int n) {
        return EmailMessage.builder()
                .from("Gatehouse <no-reply@example.com>")
                .to("user" + n + "@example.com")
                .subject("Message " + n)
                .text("Body " + n + "\n")
                .build();
    }

    static EmailMessage messageTo(String to) {
        return EmailMessage.builder().from("no-reply@example.com").to(to).subject("Hello").text("Hi\n").build();
    }
}
