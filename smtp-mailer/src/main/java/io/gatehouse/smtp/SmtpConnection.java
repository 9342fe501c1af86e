package io.gatehouse.smtp;

import io.gatehouse.mail.MailException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open SMTP connection: connects and logs in (turning every failure into a {@link MailException} that says
 * what to fix), sends messages and classifies each result as an {@link Attempt}. Not thread-safe: one batch
 * uses it at a time.
 */
final class SmtpConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private final SMTPTransport transport;
    private final SmtpSettings settings;
    private boolean closed;

    private SmtpConnection(SMTPTransport transport, SmtpSettings settings) {
        this.transport = transport;
        this.settings = settings;
    }

    static SmtpConnection open(Session session, SmtpSettings settings) {
        SMTPTransport transport;
        try {
            transport = (SMTPTransport) session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new MailException("The SMTP transport of jakarta.mail is missing; put org.eclipse.angus:angus-mail "
                    + "on the class path.", false, e);
        }
        String user = settings.username().orElse(null);
        try {
            transport.connect(settings.host(), settings.port(), user, settings.password());
        } catch (AuthenticationFailedException e) {
            String reply = Text.reply(transport.getLastServerResponse(), settings.password());
            MailException failure = ConnectFailures.authentication(settings, reply, e);
            LOG.warn("SMTP login to {} as {} failed: {}", settings.endpoint(), user, reply);
            throw new ConnectFailure(failure, reply);
        } catch (MessagingException e) {
            MailException failure = ConnectFailures.connect(settings, e);
            LOG.warn("SMTP connection to {} failed: {}", settings.endpoint(), failure.getMessage());
            throw new ConnectFailure(failure, Text.reply(transport.getLastServerResponse(), settings.password()));
        }
        SmtpConnection connection = new SmtpConnection(transport, settings);
        if (user != null && !transport.supportsExtension("AUTH") && !transport.supportsExtension("AUTH=LOGIN")) {
            String reply = connection.lastReply();
            connection.close();
            throw new ConnectFailure(new MailException("The SMTP server " + settings.endpoint() + " did not offer "
                    + "authentication (AUTH), so the username and password could not be used. Many servers offer it "
                    + "only after TLS: check the security (now " + settings.security() + ") and the port.", false,
                    null), reply);
        }
        LOG.debug("Opened SMTP connection to {} ({}{}{})", settings.endpoint(), settings.security(),
                transport.isSSL() ? ", TLS" : ", no TLS", user == null ? "" : ", as " + user);
        return connection;
    }

    boolean encrypted() {
        return transport.isSSL();
    }

    String lastReply() {
        return Text.reply(transport.getLastServerResponse(), settings.password());
    }

    Attempt send(MimeRenderer.StableIdMessage message, Address[] recipients) {
        try {
            transport.sendMessage(message, recipients);
            return Attempt.of(Attempt.Kind.SENT, lastReply());
        } catch (SendFailedException e) {
            return classify(e, message.written());
        } catch (MessagingException e) {
            return connectionTrouble(e) ? lost(message.written(), e)
                    : Attempt.of(Attempt.Kind.TRANSIENT, "The message could not be sent: " + reason(e));
        } catch (IllegalStateException e) {
            // "Not connected": the server closed the connection after the previous message.
            return lost(false, e);
        }
    }

    private Attempt classify(SendFailedException e, boolean written) {
        int code = e instanceof SMTPSendFailedException s ? s.getReturnCode()
                : e instanceof SMTPAddressFailedException a ? a.getReturnCode() : 0;
        List<String> refused = refusedRecipients(e);
        Address[] sent = e.getValidSentAddresses();
        if (code >= 200 && code < 300 && sent != null && sent.length > 0) {
            // Delivered to the accepted recipients (partial send); the refused ones are named.
            return Attempt.of(Attempt.Kind.SENT, lastReply() + "; refused: " + String.join("; ", refused));
        }
        if (code == -1 || code == 421 || connectionTrouble(e)) {
            return lost(written && code != 421, e);
        }
        if (code == 530) {
            return Attempt.of(Attempt.Kind.AUTH_REQUIRED, lastReply());
        }
        if (code != 0) {
            // The reply to a command (MAIL, DATA, the end of the data) decides.
            return Attempt.of(code >= 500 && code < 600 ? Attempt.Kind.REJECTED : Attempt.Kind.TRANSIENT, lastReply());
        }
        // Every recipient refused: for good only when every refusal was a 5xx.
        List<Integer> codes = refusedCodes(e);
        boolean permanent = !codes.isEmpty() && codes.stream().allMatch(c -> c >= 500 && c < 600);
        return Attempt.of(permanent ? Attempt.Kind.REJECTED : Attempt.Kind.TRANSIENT,
                "All recipients were refused: " + String.join("; ", refused));
    }

    private List<String> refusedRecipients(MessagingException e) {
        List<String> out = new ArrayList<>();
        for (Exception next = e.getNextException(); next != null; ) {
            if (next instanceof SMTPAddressFailedException a) {
                out.add(a.getAddress().getAddress() + " (" + Text.reply(a.getMessage(), settings.password()) + ")");
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return out;
    }

    private static List<Integer> refusedCodes(MessagingException e) {
        List<Integer> out = new ArrayList<>();
        for (Exception next = e.getNextException(); next != null; ) {
            if (next instanceof SMTPAddressFailedException a) {
                out.add(a.getReturnCode());
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return out;
    }

    private Attempt lost(boolean written, Exception e) {
        String why = reason(e);
        return written
                ? Attempt.of(Attempt.Kind.LOST_AFTER_DATA, "The connection to " + settings.endpoint() + " was lost "
                        + "after the message was transmitted, so the server may have accepted it: " + why)
                : Attempt.of(Attempt.Kind.LOST, "The connection to " + settings.endpoint() + " was lost: " + why);
    }

    private static boolean connectionTrouble(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Throwable next(Throwable t) {
        if (t.getCause() != null) {
            return t.getCause();
        }
        return t instanceof MessagingException m ? m.getNextException() : null;
    }

    private String reason(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = next(t)) {
            root = t;
        }
        String reply = lastReply();
        String what = root instanceof SocketTimeoutException
                ? "no reply within the read timeout of " + Text.duration(settings.readTimeout())
                : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": "
                        + Text.reply(root.getMessage(), settings.password()));
        return what + (reply.isEmpty() || root instanceof SocketTimeoutException ? "" : " (last reply: " + reply + ")");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("Closing the SMTP connection to {} failed: {}", settings.endpoint(), e.toString());
        }
        LOG.debug("Closed SMTP connection to {}", settings.endpoint());
    }

    /** The fate of one message on this connection. */
    record Attempt(Kind kind, String detail) {
        enum Kind {
            SENT, REJECTED, TRANSIENT,
            /** Lost before the data was complete: not delivered, safe to send again. */
            LOST,
            /** Lost after the data was complete: perhaps delivered. */
            LOST_AFTER_DATA,
            /** The server wants authentication (530): a configuration problem, not this message's. */
            AUTH_REQUIRED
        }

        static Attempt of(Kind kind, String detail) {
            return new Attempt(kind, detail);
        }
    }

    /**
     * A connect or login failure that also carries the server's last reply, for {@link SmtpTestResult}. Callers
     * see a {@link MailException}.
     */
    static final class ConnectFailure extends MailException {
        private static final long serialVersionUID = 1L;

        private final String serverReply;

        ConnectFailure(MailException failure, String serverReply) {
            super(String.valueOf(failure.getMessage()), failure.isTransient(), failure.getCause());
            this.serverReply = serverReply;
        }

        String serverReply() {
            return serverReply;
        }
    }

    /** Turns connect and login failures into messages that say what to fix. */
    static final class ConnectFailures {
        private ConnectFailures() {
        }

        static MailException authentication(SmtpSettings s, String reply, Exception cause) {
            String user = s.username().orElse("(no username)");
            String ses = s.host().startsWith("email-smtp.")
                    ? " For Amazon SES, use the SMTP credentials created in the SES console, not AWS access keys." : "";
            return new MailException("The SMTP server " + s.endpoint() + " refused the username '" + user
                    + "' or its password" + (reply.isEmpty() ? "" : " (" + reply + ")") + ". Check both; Gmail and "
                    + "Naver accounts with two-factor authentication need an app password, not the account "
                    + "password." + ses, false, cause);
        }

        static MailException connect(SmtpSettings s, MessagingException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("STARTTLS is required")) {
                return new MailException("The SMTP server " + s.endpoint() + " does not offer STARTTLS, and security "
                        + "STARTTLS requires it: nothing was sent in plaintext. Check the port (587 for STARTTLS, "
                        + "465 for SSL) or choose security SSL.", false, e);
            }
            Throwable root = e;
            boolean tls = false;
            boolean timeout = false;
            boolean unknownHost = false;
            for (Throwable t = e; t != null; t = next(t)) {
                root = t;
                tls |= t instanceof SSLException;
                timeout |= t instanceof SocketTimeoutException;
                unknownHost |= t instanceof UnknownHostException;
            }
            String cause = root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + Text.reply(root.getMessage(), s.password()));
            if (tls) {
                return new MailException("The TLS handshake with the SMTP server " + s.endpoint() + " failed (" + cause
                        + "). The certificate must be trusted and name the host " + s.host() + "; for a private CA "
                        + "configure a trust store, and check that the port speaks " + s.security() + ".", false, e);
            }
            if (timeout) {
                boolean connecting = e instanceof MailConnectException;
                return new MailException("The SMTP server " + s.endpoint() + (connecting
                        ? " could not be reached within the connect timeout of " + Text.duration(s.connectTimeout())
                        : " accepted the connection but did not answer within the read timeout of "
                                + Text.duration(s.readTimeout())) + " (" + cause + ").", true, e);
            }
            if (unknownHost) {
                return new MailException("Cannot connect to the SMTP server " + s.endpoint() + ": the host name is "
                        + "unknown (" + cause + "). Check the host.", true, e);
            }
            return new MailException("Cannot connect to the SMTP server " + s.endpoint() + ": " + cause
                    + ". Check that the server is up and that host and port are right.", true, e);
        }
    }
}
