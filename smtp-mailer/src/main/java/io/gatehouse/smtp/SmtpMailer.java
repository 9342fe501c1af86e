package io.gatehouse.smtp;

import io.gatehouse.InvalidInputException;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.MailAddress;
import io.gatehouse.mail.MailException;
import io.gatehouse.mail.Mailer;
import io.gatehouse.mail.SendOutcome;
import io.gatehouse.user.EmailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Mailer} port over SMTP, with jakarta.mail (Eclipse Angus), like Django's SMTP email backend.
 *
 * <pre>{@code
 * SmtpMailer mailer = SmtpMailer.create(SmtpSettings.fromEnvironment(System.getenv()));
 * SmtpTestResult check = mailer.sendTestMail("admin@example.com");
 * SendOutcome outcome = mailer.send(message);
 * }</pre>
 *
 * <p>{@link #send} opens a connection for the message; {@link #sendAll} sends every message over one connection
 * (Django's {@code send_mass_mail}). Should that connection drop mid-batch, it reconnects once and goes on; a
 * message cut off before its data was complete is sent again on the new connection, one cut off after is
 * reported {@code FAILED_TRANSIENT} (the server may have it; its Message-ID stays the same, so a resend can be
 * recognised). One message's failure never stops the others: a 2xx reply is {@code SENT}, a 5xx
 * {@code REJECTED}, a 4xx or a lost connection {@code FAILED_TRANSIENT}. A message with several recipients is
 * {@code SENT} when at least one accepted it, the refused ones named in the detail. The mailer never retries
 * a 4xx itself: an outbox does, with back-off.
 *
 * <p>When nothing can be sent, a {@link MailException}: transient when the server cannot be reached or does
 * not answer in time (the message names host, port and cause); not transient when the password is refused
 * (the message mentions app passwords), the server lacks the required STARTTLS, or the TLS certificate is not
 * trusted.
 *
 * <p>Thread-safe: each call uses its own connection. Logs through slf4j: connections opened and closed (debug),
 * batch counts (info), failures with Message-IDs (warn); never a password, a body or a link.
 */
public final class SmtpMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private final SmtpSettings settings;
    private final Session session;
    private final MimeRenderer renderer;

    private SmtpMailer(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.renderer = new MimeRenderer(Objects.requireNonNull(clock, "clock"));
        this.session = Session.getInstance(sessionProperties(settings));
        if (settings.security() == SmtpSecurity.NONE && settings.username().isPresent()) {
            LOG.warn("SMTP security is NONE: the password for {} will cross the network to {} unencrypted.",
                    settings.username().get(), settings.endpoint());
        }
    }

    /**
     * A mailer dating messages by the system clock.
     *
     * @param settings where and how to send
     * @return the mailer
     */
    public static SmtpMailer create(SmtpSettings settings) {
        return new SmtpMailer(settings, Clock.systemDefaultZone());
    }

    /**
     * A mailer dating messages by a clock.
     *
     * @param settings where and how to send
     * @param clock the source of each message's Date header
     * @return the mailer
     */
    public static SmtpMailer create(SmtpSettings settings, Clock clock) {
        return new SmtpMailer(settings, clock);
    }

    static Properties sessionProperties(SmtpSettings s) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(s.writeTimeout().toMillis()));
        p.setProperty("mail.smtp.auth", Boolean.toString(s.username().isPresent()));
        if (s.security() == SmtpSecurity.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            // Without this, jakarta.mail carries on in plaintext when the server does not offer STARTTLS.
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        p.setProperty("mail.smtp.ssl.enable", Boolean.toString(s.security() == SmtpSecurity.SSL));
        p.setProperty("mail.smtp.ssl.checkserveridentity", Boolean.toString(s.checkServerIdentity()));
        if (s.sslSocketFactory() != null) {
            p.put("mail.smtp.ssl.socketFactory", s.sslSocketFactory());
        }
        // Deliver to the accepted recipients when some are refused, as Django (smtplib) does.
        p.setProperty("mail.smtp.sendpartial", "true");
        p.setProperty("mail.debug", "false");
        p.setProperty("mail.debug.auth", "false");
        return p;
    }

    /**
     * The settings this mailer uses.
     *
     * @return the settings
     */
    public SmtpSettings settings() {
        return settings;
    }

    /**
     * Sends one message over a new connection.
     *
     * @param message the message
     * @return the outcome
     * @throws MailException when the server cannot be reached or refuses the login
     */
    @Override
    public SendOutcome send(EmailMessage message) {
        return sendAll(List.of(Objects.requireNonNull(message, "message"))).get(0);
    }

    /**
     * Sends every message over one connection, reconnecting once should it drop.
     *
     * @param messages the messages, in order
     * @return one outcome per message, in the same order
     * @throws MailException when the first connection or login fails, so nothing was sent
     */
    @Override
    public List<SendOutcome> sendAll(List<EmailMessage> messages) {
        List<EmailMessage> batch = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (batch.isEmpty()) {
            return List.of();
        }
        Batch run = new Batch(batch, SmtpConnection.open(session, settings));
        try {
            run.sendEach();
        } finally {
            run.connection.close();
        }
        log(run.outcomes, run.connections);
        return List.copyOf(run.outcomes);
    }

    /** One sendAll: the messages, their outcomes so far, and the connection in use. */
    private final class Batch {
        private final List<EmailMessage> messages;
        private final List<SendOutcome> outcomes;
        private SmtpConnection connection;
        private int connections = 1;

        Batch(List<EmailMessage> messages, SmtpConnection connection) {
            this.messages = messages;
            this.outcomes = new ArrayList<>(messages.size());
            this.connection = connection;
        }

        void sendEach() {
            while (outcomes.size() < messages.size()) {
                EmailMessage message = messages.get(outcomes.size());
                SmtpConnection.Attempt attempt = attempt(connection, message);
                switch (attempt.kind()) {
                    case SENT -> outcomes.add(SendOutcome.sent(message, attempt.detail()));
                    case REJECTED -> outcomes.add(SendOutcome.rejected(message, attempt.detail()));
                    case TRANSIENT -> outcomes.add(SendOutcome.failedTransient(message, attempt.detail()));
                    case AUTH_REQUIRED -> authenticationRequired(attempt.detail());
                    case LOST_AFTER_DATA -> {
                        outcomes.add(SendOutcome.failedTransient(message, attempt.detail()));
                        reconnect(attempt.detail());
                    }
                    // Not delivered: the loop sends the same message again on the new connection.
                    case LOST -> reconnect(attempt.detail());
                }
            }
        }

        private void authenticationRequired(String reply) {
            MailException e = new MailException("The SMTP server " + settings.endpoint() + " requires "
                    + "authentication (" + reply + "): set the username and password.", false, null);
            if (outcomes.isEmpty()) {
                throw e;
            }
            fill(e.getMessage());
        }

        private void reconnect(String why) {
            connection.close();
            if (outcomes.size() == messages.size()) {
                return;
            }
            if (connections > 1) {
                fill(why + " The connection was lost twice in this batch; the rest is left for a later attempt.");
                return;
            }
            try {
                connection = SmtpConnection.open(session, settings);
                connections++;
                LOG.info("Reconnected to SMTP server {} after a lost connection; {} of {} messages handled before.",
                        settings.endpoint(), outcomes.size(), messages.size());
            } catch (MailException e) {
                fill(why + " Reconnecting failed: " + e.getMessage());
            }
        }

        private void fill(String detail) {
            for (int i = outcomes.size(); i < messages.size(); i++) {
                outcomes.add(SendOutcome.failedTransient(messages.get(i), detail));
            }
        }
    }

    SmtpConnection.Attempt attempt(SmtpConnection connection, EmailMessage message) {
        MimeRenderer.StableIdMessage mime;
        jakarta.mail.Address[] recipients;
        try {
            mime = renderer.render(session, message);
            recipients = MimeRenderer.envelope(message);
        } catch (MimeRenderer.UnsupportedAddressException e) {
            return SmtpConnection.Attempt.of(SmtpConnection.Attempt.Kind.REJECTED, e.getMessage());
        } catch (MessagingException e) {
            return SmtpConnection.Attempt.of(SmtpConnection.Attempt.Kind.REJECTED,
                    "The message could not be written as MIME: " + e.getMessage());
        }
        return connection.send(mime, recipients);
    }

    private void log(List<SendOutcome> outcomes, int connections) {
        int sent = 0;
        int rejected = 0;
        for (SendOutcome o : outcomes) {
            switch (o.status()) {
                case SENT -> sent++;
                case REJECTED -> {
                    rejected++;
                    LOG.warn("SMTP server {} rejected message {}: {}", settings.endpoint(), o.messageId(), o.detail());
                }
                case FAILED_TRANSIENT -> LOG.warn("Message {} was not sent through {}, to be retried: {}",
                        o.messageId(), settings.endpoint(), o.detail());
            }
        }
        int retry = outcomes.size() - sent - rejected;
        if (outcomes.size() > 1 || sent != outcomes.size()) {
            LOG.info("Sent {} of {} messages through SMTP server {} ({} rejected, {} to retry, {} connection{}).", sent,
                    outcomes.size(), settings.endpoint(), rejected, retry, connections, connections == 1 ? "" : "s");
        } else {
            LOG.debug("Sent message {} through SMTP server {}.", outcomes.get(0).messageId(), settings.endpoint());
        }
    }

    /**
     * Checks the settings end to end: connects, starts TLS, logs in and sends a short test mail, reporting the
     * server's answer. The sender is the default sender, else the username when it is an address.
     *
     * @param to the recipient, e.g. the administrator's address
     * @return what happened; failures are reported in the result, not thrown
     * @throws InvalidInputException naming {@code to} when it is not a valid address
     */
    public SmtpTestResult sendTestMail(String to) {
        MailAddress recipient = MailAddress.parse(Objects.requireNonNull(to, "to"));
        Optional<MailAddress> from = settings.defaultFrom().or(() -> settings.username()
                .filter(EmailAddress::isValid).map(MailAddress::of));
        if (from.isEmpty()) {
            return new SmtpTestResult(false, "No sender for the test mail: set the default sender "
                    + "(gatehouse.smtp.from, or defaultFrom in code), e.g. 'Gatehouse <no-reply@example.com>'.", "",
                    false, "");
        }
        EmailMessage message = EmailMessage.builder().from(from.get()).to(recipient)
                .subject("Gatehouse SMTP test")
                .text("This message was sent by Gatehouse to check its SMTP settings (" + settings.endpoint() + ", "
                        + settings.security() + "). No action is needed.\n")
                .build();
        return TestMail.run(this, message);
    }

    SmtpConnection open() {
        return SmtpConnection.open(session, settings);
    }

    /**
     * A summary without secrets.
     *
     * @return e.g. {@code SmtpMailer[SmtpSettings[smtp.gmail.com:587, STARTTLS, ...]]}
     */
    @Override
    public String toString() {
        return "SmtpMailer[" + settings + "]";
    }
}
