package io.gatehouse.smtp;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.MailAddress;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link EmailMessage} into a jakarta.mail message: UTF-8 text, {@code multipart/alternative} when there
 * is HTML, RFC 2047 encoded-words for non-ASCII subjects, display names and header values, the Date from the
 * clock, the message's own Message-ID, and no Bcc header (Bcc recipients are envelope-only).
 *
 * <p>Addresses are written in ASCII: an internationalised domain becomes its punycode form; an address with a
 * non-ASCII local part would need SMTPUTF8 and is refused with {@link UnsupportedAddressException}.
 */
final class MimeRenderer {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
    // 36 bytes give 48 base64 characters, 60 with the markers: within RFC 2047's 75.
    private static final int ENCODED_WORD_BYTES = 36;
    private static final String UTF_8 = "UTF-8";

    private final Clock clock;

    MimeRenderer(Clock clock) {
        this.clock = clock;
    }

    StableIdMessage render(Session session, EmailMessage m) throws MessagingException {
        StableIdMessage mime = new StableIdMessage(session, m.messageId());
        mime.setHeader("Date", DATE.format(ZonedDateTime.now(clock)));
        mime.setHeader("From", addressHeader(List.of(m.from()), "From"));
        if (!m.to().isEmpty()) {
            mime.setHeader("To", addressHeader(m.to(), "To"));
        }
        if (!m.cc().isEmpty()) {
            mime.setHeader("Cc", addressHeader(m.cc(), "Cc"));
        }
        if (!m.replyTo().isEmpty()) {
            mime.setHeader("Reply-To", addressHeader(m.replyTo(), "Reply-To"));
        }
        mime.setHeader("Subject", unstructured(m.subject(), "Subject"));
        for (Map.Entry<String, String> header : m.headers().entrySet()) {
            mime.addHeader(header.getKey(), unstructured(header.getValue(), header.getKey()));
        }
        if (m.html().isEmpty()) {
            mime.setText(m.text(), UTF_8, "plain");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.text(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.html().get(), UTF_8, "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        }
        mime.saveChanges();
        return mime;
    }

    /** The envelope recipients (to, cc, bcc, each once), in ASCII form. */
    static Address[] envelope(EmailMessage m) {
        List<Address> out = new ArrayList<>();
        for (MailAddress a : m.recipients()) {
            out.add(internetAddress(a));
        }
        return out.toArray(new Address[0]);
    }

    private static String addressHeader(List<MailAddress> mailboxes, String name) {
        List<InternetAddress> list = new ArrayList<>(mailboxes.size());
        for (MailAddress a : mailboxes) {
            list.add(internetAddress(a));
        }
        // Folds between addresses; encoded-word display names are already split into short words.
        return InternetAddress.toString(list.toArray(new Address[0]), name.length() + 2);
    }

    static InternetAddress internetAddress(MailAddress mailbox) {
        String address = asciiAddress(mailbox.address());
        try {
            return new InternetAddress(address, mailbox.hasDisplayName() ? mailbox.displayName() : null, UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported.", e);
        }
    }

    static String asciiAddress(String address) {
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        if (!local.chars().allMatch(c -> c < 0x80)) {
            throw new UnsupportedAddressException(address);
        }
        String domain = address.substring(at + 1);
        try {
            return local + "@" + IDN.toASCII(domain).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedAddressException(address);
        }
    }

    /**
     * An unstructured header value: as it is when plain ASCII, else (or when it could be mistaken for an
     * encoded-word) RFC 2047 B-encoded words split on code points, folded between words.
     */
    static String unstructured(String value, String name) {
        if (value.chars().allMatch(c -> c < 0x80) && !value.contains("=?")) {
            return MimeUtility.fold(name.length() + 2, value);
        }
        return MimeUtility.fold(name.length() + 2, String.join(" ", encodedWords(value)));
    }

    private static List<String> encodedWords(String value) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (chunkBytes + bytes > ENCODED_WORD_BYTES) {
                words.add(encodedWord(chunk.toString()));
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.appendCodePoint(cp);
            chunkBytes += bytes;
            i += Character.charCount(cp);
        }
        if (chunk.length() > 0 || words.isEmpty()) {
            words.add(encodedWord(chunk.toString()));
        }
        return words;
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** An address this mailer cannot write: it would need SMTPUTF8, or its domain is not valid IDNA. */
    static final class UnsupportedAddressException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnsupportedAddressException(String address) {
            super("The address " + Text.printable(address) + " has a non-ASCII local part or domain that cannot be "
                    + "written in ASCII; it would need SMTPUTF8, which this mailer does not use.");
        }
    }

    /**
     * A message that keeps the Message-ID it was given (jakarta.mail replaces it on every save) and remembers
     * whether it was written out in full, which tells a connection lost before the data was complete (not
     * delivered) from one lost after it (perhaps delivered).
     */
    static final class StableIdMessage extends MimeMessage {
        private final String messageId;
        private volatile boolean written;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }

        @Override
        public void writeTo(OutputStream os, String @Nullable [] ignoreList) throws IOException, MessagingException {
            written = false;
            super.writeTo(os, ignoreList);
            written = true;
        }

        boolean written() {
            return written;
        }
    }
}
