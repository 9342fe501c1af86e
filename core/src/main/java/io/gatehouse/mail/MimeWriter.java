package io.gatehouse.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Renders an {@link EmailMessage} as RFC 5322 / MIME bytes without jakarta.mail: headers folded at 78
 * characters where a space allows it, non-ASCII text as RFC 2047 {@code =?UTF-8?B?...?=} encoded-words,
 * bodies in base64, text plus HTML as {@code multipart/alternative}. Bcc is left out: it is envelope-only.
 * Addresses are written as they are, so a non-ASCII address needs a server with SMTPUTF8 (RFC 6532).
 *
 * <p>Thread-safe when its {@link Random} is (a {@link java.security.SecureRandom} is).
 */
final class MimeWriter {
    private static final int LINE_LIMIT = 78;
    // 36 bytes become 48 base64 characters, 60 with the "=?UTF-8?B?" and "?=" around them: within RFC 2047's
    // 75, and short enough that "Subject: " plus one word stays within 78.
    private static final int ENCODED_WORD_BYTES = 36;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

    private final Clock clock;
    private final Random random;

    MimeWriter(Clock clock, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    byte[] write(EmailMessage message) {
        StringBuilder out = new StringBuilder(256 + message.text().length() * 2);
        header(out, "Date", List.of(DATE.format(ZonedDateTime.now(clock))));
        header(out, "From", addressTokens(List.of(message.from())));
        if (!message.to().isEmpty()) {
            header(out, "To", addressTokens(message.to()));
        }
        if (!message.cc().isEmpty()) {
            header(out, "Cc", addressTokens(message.cc()));
        }
        if (!message.replyTo().isEmpty()) {
            header(out, "Reply-To", addressTokens(message.replyTo()));
        }
        header(out, "Subject", unstructuredTokens(message.subject()));
        header(out, "Message-ID", List.of(message.messageId()));
        header(out, "MIME-Version", List.of("1.0"));
        for (Map.Entry<String, String> extra : message.headers().entrySet()) {
            header(out, extra.getKey(), unstructuredTokens(extra.getValue()));
        }
        String text = base64Body(message.text());
        if (message.html().isEmpty()) {
            out.append("Content-Type: text/plain; charset=UTF-8").append(CRLF);
            out.append("Content-Transfer-Encoding: base64").append(CRLF).append(CRLF).append(text);
        } else {
            String html = base64Body(message.html().get());
            String boundary = boundary(text, html);
            out.append("Content-Type: multipart/alternative;").append(CRLF)
                    .append(" boundary=\"").append(boundary).append('"').append(CRLF);
            out.append(CRLF);
            part(out, boundary, "text/plain", text);
            part(out, boundary, "text/html", html);
            out.append("--").append(boundary).append("--").append(CRLF);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void part(StringBuilder out, String boundary, String type, String body) {
        out.append("--").append(boundary).append(CRLF);
        out.append("Content-Type: ").append(type).append("; charset=UTF-8").append(CRLF);
        out.append("Content-Transfer-Encoding: base64").append(CRLF).append(CRLF).append(body);
    }

    private String boundary(String... bodies) {
        // '_' is not in the base64 alphabet, so the boundary cannot occur in a base64 part; the check keeps
        // that true should a part ever be written another way.
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String candidate = "=_gatehouse_" + HexFormat.of().formatHex(bytes);
            boolean clash = false;
            for (String body : bodies) {
                clash |= body.contains(candidate);
            }
            if (!clash) {
                return candidate;
            }
        }
    }

    private static String base64Body(String body) {
        // Text parts are line-oriented; their canonical form ends lines with CRLF (RFC 2046 section 4.1.1).
        String canonical = body.replace("\r\n", "\n").replace('\r', '\n').replace("\n", CRLF);
        String encoded = Base64.getMimeEncoder().encodeToString(canonical.getBytes(StandardCharsets.UTF_8));
        return encoded.isEmpty() ? "" : encoded + CRLF;
    }

    /** Writes "Name: token token..." folding before a token that would pass the line limit. */
    private static void header(StringBuilder out, String name, List<String> tokens) {
        int lineStart = out.length();
        out.append(name).append(':');
        boolean first = true;
        for (String token : tokens) {
            if (!first && out.length() - lineStart + 1 + token.length() > LINE_LIMIT) {
                out.append(CRLF);
                lineStart = out.length();
            }
            out.append(' ').append(token);
            first = false;
        }
        out.append(CRLF);
    }

    private static List<String> unstructuredTokens(String value) {
        if (HeaderText.isAscii(value) && !value.contains("=?")) {
            // Folding puts CRLF before an existing space, so unfolding gives the value back exactly.
            return List.of(value.split(" ", -1));
        }
        return encodedWords(value);
    }

    private static List<String> addressTokens(List<MailAddress> mailboxes) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < mailboxes.size(); i++) {
            MailAddress mailbox = mailboxes.get(i);
            String separator = i < mailboxes.size() - 1 ? "," : "";
            if (!mailbox.hasDisplayName()) {
                tokens.add(mailbox.address() + separator);
                continue;
            }
            tokens.addAll(phraseTokens(mailbox.displayName()));
            tokens.add("<" + mailbox.address() + ">" + separator);
        }
        return tokens;
    }

    private static List<String> phraseTokens(String name) {
        if (!HeaderText.isAscii(name) || name.contains("=?")) {
            return encodedWords(name);
        }
        if (name.chars().allMatch(c -> c == ' ' || Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0)) {
            return List.of(name.split(" +"));
        }
        return List.of('"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }

    /** RFC 2047 B encoding, split on code point boundaries so no word holds part of a UTF-8 sequence. */
    static List<String> encodedWords(String value) {
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
}
