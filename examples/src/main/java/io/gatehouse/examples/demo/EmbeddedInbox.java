package io.gatehouse.examples.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An SMTP server inside the demo (GreenMail on {@code 127.0.0.1}) that accepts mail for every address and keeps
 * it in memory, so {@code /dev/inbox} can show what the app sent, as a mail client would. Mail really travels
 * over SMTP: the outbox worker delivers through the SMTP mailer to this server's port. Thread-safe.
 *
 * <p>Security note: the inbox shows everyone's mail, reset links included. It exists only in the demo's
 * default set-up, which listens on the loopback interface; with external SMTP settings it is not started.
 */
final class EmbeddedInbox implements AutoCloseable {
    /** One received mail, decoded for display. */
    record Mail(int number, String from, String to, String subject, Instant received, String text,
            @Nullable String html) {
    }

    private final GreenMail server;

    private EmbeddedInbox(GreenMail server) {
        this.server = server;
    }

    /** Starts the server on 127.0.0.1; port 0 picks a free one. */
    static EmbeddedInbox start(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            setup = setup.dynamicPort();
        }
        GreenMail server = new GreenMail(setup);
        server.start();
        return new EmbeddedInbox(server);
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /** Every mail received so far, newest first. */
    List<Mail> mails() {
        MimeMessage[] received = server.getReceivedMessages();
        List<Mail> mails = new ArrayList<>(received.length);
        for (int i = received.length - 1; i >= 0; i--) {
            mails.add(decode(i + 1, received[i]));
        }
        return mails;
    }

    /** The mail with this number (1 is the first received). */
    Optional<Mail> mail(int number) {
        MimeMessage[] received = server.getReceivedMessages();
        if (number < 1 || number > received.length) {
            return Optional.empty();
        }
        return Optional.of(decode(number, received[number - 1]));
    }

    @Override
    public void close() {
        server.stop();
    }

    private static Mail decode(int number, MimeMessage message) {
        try {
            Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
            Parts parts = new Parts();
            parts.collect(message);
            return new Mail(number, addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject() == null ? "" : message.getSubject(),
                    date == null ? Instant.EPOCH : date.toInstant(),
                    parts.text == null ? "" : parts.text, parts.html);
        } catch (MessagingException | IOException e) {
            return new Mail(number, "", "", "(a message that could not be read: " + e.getClass().getSimpleName()
                    + ")", Instant.EPOCH, "", null);
        }
    }

    private static String addresses(Address @Nullable [] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString)
                .collect(Collectors.joining(", "));
    }

    /** The first text/plain and text/html parts, looking inside multiparts. */
    private static final class Parts {
        @Nullable String text;
        @Nullable String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }
    }
}
