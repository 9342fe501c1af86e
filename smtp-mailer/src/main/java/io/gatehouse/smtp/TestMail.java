package io.gatehouse.smtp;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.MailException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link SmtpMailer#sendTestMail(String)}: every step reported in the result, nothing thrown. */
final class TestMail {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private TestMail() {
    }

    static SmtpTestResult run(SmtpMailer mailer, EmailMessage message) {
        SmtpSettings s = mailer.settings();
        SmtpConnection connection;
        try {
            connection = mailer.open();
        } catch (MailException e) {
            LOG.warn("SMTP test mail {} through {} failed: {}", message.messageId(), s.endpoint(), e.getMessage());
            String reply = e instanceof SmtpConnection.ConnectFailure f ? f.serverReply() : "";
            return new SmtpTestResult(false, String.valueOf(e.getMessage()), reply, false, message.messageId());
        }
        try {
            boolean tls = connection.encrypted();
            String how = "Connected to " + s.endpoint() + " with " + s.security()
                    + (tls ? " (TLS)" : " (no TLS)")
                    + s.username().map(u -> ", logged in as " + u).orElse(", without logging in");
            SmtpConnection.Attempt attempt = mailer.attempt(connection, message);
            boolean ok = attempt.kind() == SmtpConnection.Attempt.Kind.SENT;
            String reply = connection.lastReply();
            String summary = ok
                    ? how + ", and the server accepted the test mail to " + message.to().get(0).address() + ": "
                            + attempt.detail()
                    : how + ", but the test mail to " + message.to().get(0).address() + " was not accepted: "
                            + attempt.detail();
            LOG.info("SMTP test mail {} through {}: {}", message.messageId(), s.endpoint(), ok ? "accepted" : "failed");
            return new SmtpTestResult(ok, summary, reply, tls, message.messageId());
        } finally {
            connection.close();
        }
    }
}
