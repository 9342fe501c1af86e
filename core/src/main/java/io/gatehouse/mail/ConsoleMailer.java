package io.gatehouse.mail;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Writes each message, in the RFC 5322 form a server would receive, to a stream followed by a separator
 * line, like Django's console backend. For development only: the bodies, links and tokens included, end up
 * in the stream.
 *
 * <pre>{@code
 * Mailer mailer = ConsoleMailer.toSystemOut();
 * }</pre>
 *
 * <p>Thread-safe: each message is written while holding the stream's lock, so messages never interleave.
 */
public final class ConsoleMailer implements Mailer {
    private static final String SEPARATOR = "-".repeat(79);

    private final PrintStream out;
    private final MimeWriter writer;

    private ConsoleMailer(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.writer = new MimeWriter(clock, new SecureRandom());
    }

    /**
     * A mailer writing to {@link System#out}, dating messages by the system clock.
     *
     * @return the mailer
     */
    public static ConsoleMailer toSystemOut() {
        return new ConsoleMailer(System.out, Clock.systemDefaultZone());
    }

    /**
     * A mailer writing to a stream.
     *
     * @param out where messages go
     * @param clock the source of each message's Date header
     * @return the mailer
     */
    public static ConsoleMailer create(PrintStream out, Clock clock) {
        return new ConsoleMailer(out, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Writes the message.
     *
     * @param message the message
     * @return {@code SENT}
     * @throws MailException when the stream reports an error
     */
    @Override
    public SendOutcome send(EmailMessage message) {
        byte[] bytes = writer.write(Objects.requireNonNull(message, "message"));
        synchronized (out) {
            out.write(bytes, 0, bytes.length);
            out.write(SEPARATOR.getBytes(StandardCharsets.US_ASCII), 0, SEPARATOR.length());
            out.println();
            out.flush();
            if (out.checkError()) {
                throw new MailException("The console mailer could not write to its stream; check that the "
                        + "stream is still open.", false, null);
            }
        }
        return SendOutcome.sent(message, "Written to the console.");
    }
}
