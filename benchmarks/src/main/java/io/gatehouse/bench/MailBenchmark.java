package io.gatehouse.bench;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.MailAddress;
import io.gatehouse.mail.SendOutcome;
import io.gatehouse.smtp.SmtpMailer;
import io.gatehouse.smtp.SmtpSecurity;
import io.gatehouse.smtp.SmtpSettings;
import io.gatehouse.smtp.SmtpSettingsBuilder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sending {@value #MESSAGES} account mails (plain text and HTML, one recipient each) to an SMTP server in the same
 * JVM ({@link SmtpSink}: an ephemeral loopback port, no authentication, replies like a relay's), from the same
 * message data, in plain SMTP ({@code security=none}, a relay on the same host) and with STARTTLS
 * ({@code security=starttls}, as every provider preset requires: each connection pays a TLS handshake):
 * <ul>
 *   <li>{@link #gatehouseSendAll}: {@code SmtpMailer.sendAll}, every message over one connection;</li>
 *   <li>{@link #gatehouseConnectionPerMessage}: {@code SmtpMailer.send} in a loop, a connection per message;</li>
 *   <li>{@link #springSend}: Spring's {@code JavaMailSenderImpl.send(MimeMessage...)}, one connection for the
 *   array, the messages written with {@code MimeMessageHelper} as Spring applications do (multipart, text and
 *   HTML), inside the measured time as Gatehouse renders its MIME inside {@code sendAll}.</li>
 * </ul>
 * The server's work (reading each message, in the sink's own threads) is the same for all three; the CPU column
 * counts only the sending thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class MailBenchmark {
    /** Messages per operation. */
    static final int MESSAGES = 1_000;

    /** How the connection is protected: {@code none} or {@code starttls}. */
    @Param({"none", "starttls"})
    public String security = "none";

    // Set by setUp() before any benchmark method runs, as JMH guarantees.
    private SmtpSink sink;
    private SmtpMailer mailer;
    private JavaMailSenderImpl spring;
    private List<EmailMessage> messages;

    /** Starts the server and builds both senders and the messages. */
    @Setup(Level.Trial)
    public void setUp() {
        setUp(MESSAGES);
    }

    void setUp(int count) {
        setUp(count, false);
    }

    void setUp(int count, boolean keep) {
        boolean starttls = switch (security) {
            case "none" -> false;
            case "starttls" -> true;
            default -> throw new IllegalArgumentException("security must be none or starttls, was \"" + security
                    + "\".");
        };
        SinkTls tls = starttls ? SinkTls.create() : null;
        sink = SmtpSink.start(keep, tls == null ? null : tls.server());
        int port = sink.port();
        // "localhost" is the name in the sink's certificate; both clients check it.
        SmtpSettingsBuilder settings = SmtpSettings.builder().host("localhost").port(port)
                .readTimeout(Duration.ofSeconds(60));
        spring = new JavaMailSenderImpl();
        spring.setHost("localhost");
        spring.setPort(port);
        spring.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = spring.getJavaMailProperties();
        properties.setProperty("mail.smtp.timeout", "60000");
        if (tls == null) {
            settings.security(SmtpSecurity.NONE);
        } else {
            settings.security(SmtpSecurity.STARTTLS).sslSocketFactory(tls.clientSockets());
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            properties.put("mail.smtp.ssl.socketFactory", tls.clientSockets());
        }
        mailer = SmtpMailer.create(settings.build());
        List<EmailMessage> list = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            list.add(message(i));
        }
        messages = List.copyOf(list);
    }

    /** Checks that the server got every message sent in the iteration and forgets them. */
    @TearDown(Level.Iteration)
    public void purge() {
        if (sink.received() % messages.size() != 0) {
            throw new IllegalStateException("The SMTP server received " + sink.received() + " messages, not a "
                    + "multiple of " + messages.size() + ".");
        }
        sink.clear();
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sink.close();
    }

    /**
     * Every message over one connection.
     *
     * @return the outcomes, all sent
     */
    @Benchmark
    public List<SendOutcome> gatehouseSendAll() {
        List<SendOutcome> outcomes = mailer.sendAll(messages);
        for (SendOutcome outcome : outcomes) {
            requireSent(outcome);
        }
        return outcomes;
    }

    /**
     * A connection per message.
     *
     * @return the last outcome
     */
    @Benchmark
    public SendOutcome gatehouseConnectionPerMessage() {
        SendOutcome last = null;
        for (EmailMessage message : messages) {
            last = requireSent(mailer.send(message));
        }
        return last;
    }

    /**
     * Spring's sender, one connection for the whole array.
     *
     * @return the sent messages
     * @throws MessagingException when a message cannot be written
     */
    @Benchmark
    public MimeMessage[] springSend() throws MessagingException {
        MimeMessage[] mimes = new MimeMessage[messages.size()];
        for (int i = 0; i < mimes.length; i++) {
            mimes[i] = springMessage(messages.get(i));
        }
        spring.send(mimes);
        return mimes;
    }

    SmtpSink sink() {
        return sink;
    }

    List<EmailMessage> messages() {
        return messages;
    }

    private MimeMessage springMessage(EmailMessage source) throws MessagingException {
        MimeMessage mime = spring.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        helper.setFrom(address(source.from()));
        helper.setTo(address(source.to().get(0)));
        helper.setSubject(source.subject());
        helper.setText(source.text(), source.html().orElseThrow());
        return mime;
    }

    private static InternetAddress address(MailAddress mailbox) {
        try {
            return mailbox.hasDisplayName()
                    ? new InternetAddress(mailbox.address(), mailbox.displayName(), StandardCharsets.UTF_8.name())
                    : new InternetAddress(mailbox.address());
        } catch (UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("The benchmark's sender address is not valid.", e);
        }
    }

    private static SendOutcome requireSent(SendOutcome outcome) {
        if (!outcome.isSent()) {
            throw new IllegalStateException("A benchmark message was not sent: " + outcome.status() + " "
                    + outcome.detail());
        }
        return outcome;
    }

    /** Message {@code n}: a verification mail to {@code user<n>@example.com}, about 0.5 KB of text and 1.3 KB of HTML. */
    static EmailMessage message(int n) {
        String link = "https://app.example.com/accounts/verify/MQ/cz8k2b-" + Integer.toHexString(n * 2_654_435)
                + "5f0a1c9e3b7d2e4f6a8c/";
        String text = "Hi User" + n + ",\n\n"
                + "Someone (hopefully you) created an account on Example App with this address.\n"
                + "To confirm it, open this link within 3 days:\n\n" + link + "\n\n"
                + "If you did not create an account, ignore this mail: nothing happens without the link.\n\n"
                + "-- \nExample App\nhttps://app.example.com/\n";
        String html = "<!doctype html><html><body style=\"margin:0;padding:0;background:#f4f4f5\">"
                + "<table role=\"presentation\" width=\"100%\" style=\"background:#f4f4f5\"><tr><td align=\"center\">"
                + "<table role=\"presentation\" width=\"560\" style=\"background:#ffffff;border-radius:8px;"
                + "font-family:Helvetica,Arial,sans-serif;color:#18181b\"><tr><td style=\"padding:32px\">"
                + "<p style=\"font-size:16px\">Hi User" + n + ",</p>"
                + "<p style=\"font-size:16px\">Someone (hopefully you) created an account on Example App with this "
                + "address. To confirm it, open this link within 3 days:</p>"
                + "<p><a href=\"" + link + "\" style=\"display:inline-block;padding:12px 20px;background:#2563eb;"
                + "color:#ffffff;text-decoration:none;border-radius:6px\">Confirm my address</a></p>"
                + "<p style=\"font-size:13px;color:#52525b\">Or paste this address into your browser: " + link + "</p>"
                + "<p style=\"font-size:13px;color:#52525b\">If you did not create an account, ignore this mail: "
                + "nothing happens without the link.</p>"
                + "</td></tr></table></td></tr></table></body></html>";
        return EmailMessage.builder()
                .from("Example App <no-reply@example.com>")
                .to("user" + n + "@example.com")
                .subject("Confirm your email address for Example App")
                .text(text)
                .html(html)
                .build();
    }
}
