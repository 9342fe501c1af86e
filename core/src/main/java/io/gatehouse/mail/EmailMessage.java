package io.gatehouse.mail;

import io.gatehouse.InvalidInputException;
import io.gatehouse.user.EmailAddress;
import java.net.IDN;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An email ready to send: sender, recipients, subject, a plain-text body and an optional HTML alternative,
 * extra headers, and a stable Message-ID. Built with {@link #builder()}; immutable and thread-safe.
 *
 * <pre>{@code
 * EmailMessage message = EmailMessage.builder()
 *         .from("Gatehouse <no-reply@example.com>")
 *         .to("minsu@example.kr")
 *         .subject("이메일 주소를 확인해 주세요")
 *         .text("아래 링크를 눌러 주세요: " + link)
 *         .html("<p><a href=\"" + link + "\">확인</a></p>")
 *         .build();
 * }</pre>
 *
 * <p>Rules checked by {@link EmailMessageBuilder#build()}, each failure an {@link InvalidInputException}
 * naming the field ({@code from}, {@code to[2]}, {@code cc[0]}, {@code bcc[0]}, {@code replyTo[0]},
 * {@code subject}, {@code text}, {@code html}, {@code headers}, {@code headers.X-Foo}, {@code messageId}):
 * <ul>
 *   <li>no CR, LF, NUL or other control character (tab excepted) in any address, display name, subject or
 *       header value, nor any code point whose low byte is CR or LF (U+010A, U+010D, U+560D...), which an
 *       encoder that truncates to 8 bits would turn into a line break; bodies may hold any text;</li>
 *   <li>a sender and at least one recipient in to, cc or bcc (else field {@code to});</li>
 *   <li>a subject of at most {@value #MAX_SUBJECT_LENGTH} characters, header values of at most
 *       {@value #MAX_HEADER_VALUE_LENGTH}, and bodies of at most {@value #MAX_BODY_BYTES} bytes each in
 *       UTF-8 (10 MiB: far above any account mail, well below what servers accept);</li>
 *   <li>extra header names made of printable ASCII without a colon, none of them a structural header that
 *       the backends write themselves (From, To, Cc, Bcc, Reply-To, Subject, Date, Message-ID, MIME-Version,
 *       Content-Type, Content-Transfer-Encoding).</li>
 * </ul>
 *
 * <p>The Message-ID, {@code <random@sender-domain>} with 128 bits from {@link SecureRandom}, is assigned when
 * the message is built unless one is given, and {@link #toBuilder()} keeps it: a message sent again from an
 * outbox carries the same Message-ID, so a receiver can recognise the duplicate.
 *
 * <p>Security note: bodies carry verification and reset links, so {@link #toString()} shows only the sender,
 * the number of recipients, the subject and the Message-ID.
 */
public final class EmailMessage {
    /** The longest subject, in characters (RFC 5322's line limit). */
    public static final int MAX_SUBJECT_LENGTH = 998;
    /** The longest extra header value, in characters. */
    public static final int MAX_HEADER_VALUE_LENGTH = 998;
    /** The largest text or HTML body, in UTF-8 bytes: 10 MiB. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The longest Message-ID, in characters. */
    public static final int MAX_MESSAGE_ID_LENGTH = 250;

    private static final Set<String> STRUCTURAL_HEADERS = Set.of("from", "to", "cc", "bcc", "reply-to", "subject",
            "date", "message-id", "mime-version", "content-type", "content-transfer-encoding");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MailAddress from;
    private final List<MailAddress> to;
    private final List<MailAddress> cc;
    private final List<MailAddress> bcc;
    private final List<MailAddress> replyTo;
    private final String subject;
    private final String text;
    private final @Nullable String html;
    private final Map<String, String> headers;
    private final String messageId;

    EmailMessage(EmailMessageBuilder b) {
        if (b.from == null) {
            throw new InvalidInputException("from", "from_missing", "A message needs a sender; call from(...).");
        }
        this.from = b.from;
        this.to = List.copyOf(b.to);
        this.cc = List.copyOf(b.cc);
        this.bcc = List.copyOf(b.bcc);
        this.replyTo = List.copyOf(b.replyTo);
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new InvalidInputException("to", "recipients_missing",
                    "A message needs at least one recipient in to, cc or bcc.");
        }
        this.subject = checkSubject(b.subject);
        this.text = checkBody(b.text, "text");
        this.html = b.html == null ? null : checkBody(b.html, "html");
        this.headers = checkHeaders(b.headers);
        this.messageId = b.messageId == null ? newMessageId(from) : checkMessageId(b.messageId);
    }

    /**
     * Starts a message. Not thread-safe; the message it builds is.
     *
     * @return an empty builder
     */
    public static EmailMessageBuilder builder() {
        return new EmailMessageBuilder();
    }

    /**
     * A builder holding this message's values, Message-ID included, to make a changed copy.
     *
     * @return a builder
     */
    public EmailMessageBuilder toBuilder() {
        return new EmailMessageBuilder(this);
    }

    private static String checkSubject(String subject) {
        HeaderText.check(subject, "subject", "text");
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new InvalidInputException("subject", "subject_too_long",
                    "The subject must be at most " + MAX_SUBJECT_LENGTH + " characters long.");
        }
        return subject;
    }

    private static String checkBody(String body, String field) {
        if (HeaderText.utf8Length(body) > MAX_BODY_BYTES) {
            throw new InvalidInputException(field, "body_too_large", "The " + field + " body must be at most "
                    + MAX_BODY_BYTES + " bytes (10 MiB) in UTF-8; send large content as a link instead.");
        }
        return body;
    }

    private static Map<String, String> checkHeaders(Map<String, String> headers) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (!HeaderText.isFieldName(name)) {
                throw new InvalidInputException("headers", "header_name_invalid", "The header name '"
                        + name.replaceAll("\\p{Cntrl}", "?")
                        + "' is not valid: use printable ASCII letters, digits and punctuation without a colon.");
            }
            if (STRUCTURAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("headers", "header_reserved", "The header " + name
                        + " is written by the mailer from the message's own fields; set it through the builder.");
            }
            String field = "headers." + name;
            HeaderText.check(header.getValue(), field, "value");
            if (header.getValue().length() > MAX_HEADER_VALUE_LENGTH) {
                throw new InvalidInputException(field, "header_too_long",
                        "The value of " + field + " must be at most " + MAX_HEADER_VALUE_LENGTH + " characters long.");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    private static String checkMessageId(String id) {
        int at = id.indexOf('@');
        boolean ok = id.length() <= MAX_MESSAGE_ID_LENGTH && id.length() >= 5 && id.startsWith("<")
                && id.endsWith(">") && at > 1 && at < id.length() - 2;
        for (int i = 1; ok && i < id.length() - 1; i++) {
            char c = id.charAt(i);
            ok = c >= 33 && c <= 126 && c != '<' && c != '>';
        }
        if (!ok) {
            throw new InvalidInputException("messageId", "message_id_invalid", "The Message-ID must have the form "
                    + "<left@right> in printable ASCII without spaces, at most " + MAX_MESSAGE_ID_LENGTH
                    + " characters; omit it to have one generated.");
        }
        return id;
    }

    private static String newMessageId(MailAddress from) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String domain = from.address().substring(from.address().lastIndexOf('@') + 1);
        try {
            domain = IDN.toASCII(domain);
        } catch (IllegalArgumentException e) {
            // Message-IDs are ASCII; a domain IDNA cannot convert still deserves a unique id.
            domain = "gatehouse.invalid";
        }
        return "<" + HexFormat.of().formatHex(random) + "@" + domain.toLowerCase(Locale.ROOT) + ">";
    }

    /**
     * The sender.
     *
     * @return the From mailbox
     */
    public MailAddress from() {
        return from;
    }

    /**
     * The primary recipients.
     *
     * @return the To mailboxes, possibly empty, unmodifiable
     */
    public List<MailAddress> to() {
        return to;
    }

    /**
     * The copy recipients.
     *
     * @return the Cc mailboxes, possibly empty, unmodifiable
     */
    public List<MailAddress> cc() {
        return cc;
    }

    /**
     * The blind copy recipients: part of the envelope, never written into the message's headers.
     *
     * @return the Bcc mailboxes, possibly empty, unmodifiable
     */
    public List<MailAddress> bcc() {
        return bcc;
    }

    /**
     * Where replies should go.
     *
     * @return the Reply-To mailboxes, possibly empty, unmodifiable
     */
    public List<MailAddress> replyTo() {
        return replyTo;
    }

    /**
     * Every envelope recipient: to, then cc, then bcc, each address once (compared case-insensitively on
     * the canonical form), in first-seen order. This is the list an SMTP backend gives as RCPT TO.
     *
     * @return the recipients, never empty, unmodifiable
     */
    public List<MailAddress> recipients() {
        Map<String, MailAddress> byKey = new LinkedHashMap<>();
        Stream.of(to, cc, bcc).flatMap(List::stream)
                .forEach(a -> byKey.putIfAbsent(EmailAddress.canonical(a.address()), a));
        return List.copyOf(new ArrayList<>(byKey.values()));
    }

    /**
     * The subject.
     *
     * @return the subject, possibly empty
     */
    public String subject() {
        return subject;
    }

    /**
     * The plain-text body.
     *
     * @return the text, possibly empty
     */
    public String text() {
        return text;
    }

    /**
     * The HTML alternative to the text body.
     *
     * @return the HTML body, or empty when the message is text only
     */
    public Optional<String> html() {
        return Optional.ofNullable(html);
    }

    /**
     * Extra headers, in the order they were added.
     *
     * @return header names to values, unmodifiable
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The Message-ID, angle brackets included.
     *
     * @return e.g. {@code <9f86d081884c7d659a2feaa0c55ad015@example.com>}
     */
    public String messageId() {
        return messageId;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof EmailMessage m && from.equals(m.from) && to.equals(m.to) && cc.equals(m.cc)
                && bcc.equals(m.bcc) && replyTo.equals(m.replyTo) && subject.equals(m.subject)
                && text.equals(m.text) && Objects.equals(html, m.html) && headers.equals(m.headers)
                && messageId.equals(m.messageId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, from, to, cc, bcc, subject);
    }

    /**
     * A summary without the bodies, which carry tokens and links.
     *
     * @return e.g. {@code EmailMessage[from=no-reply@example.com, recipients=2, subject=Hello, messageId=<...>]}
     */
    @Override
    public String toString() {
        return "EmailMessage[from=" + from + ", recipients=" + recipients().size() + ", subject=" + subject
                + ", messageId=" + messageId + "]";
    }
}
