package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.mail.SendOutcome;
import io.gatehouse.smtp.SmtpMailer;
import io.gatehouse.smtp.SmtpSecurity;
import io.gatehouse.smtp.SmtpSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The mail row's three senders each deliver every message, over the connections they claim, to the sink; in plain
 * SMTP here and with STARTTLS in {@link MailBenchmarkStartTlsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailBenchmarkTest {
    private static final int COUNT = 20;

    final MailBenchmark benchmark = new MailBenchmark();

    String security() {
        return "none";
    }

    @BeforeAll
    void setUp() {
        benchmark.security = security();
        benchmark.setUp(COUNT, true);
    }

    @AfterAll
    void tearDown() {
        benchmark.tearDown();
    }

    @BeforeEach
    void purge() {
        benchmark.sink().clear();
    }

    private List<String> recipients() {
        return benchmark.sink().messages().stream().map(m -> m.recipients().get(0)).sorted().toList();
    }

    private static List<String> expectedRecipients() {
        return IntStream.rangeClosed(1, COUNT).mapToObj(n -> "user" + n + "@example.com").sorted().toList();
    }

    private static MimeMessage parse(SmtpSink.Received received) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(received.data().getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** TLS handshakes expected for a number of connections. */
    long handshakes(long connections) {
        return 0;
    }

    @Test
    void sendAllDeliversEveryMessageOverOneConnection() {
        List<SendOutcome> outcomes = benchmark.gatehouseSendAll();

        assertThat(outcomes).hasSize(COUNT).allMatch(SendOutcome::isSent);
        assertThat(recipients()).isEqualTo(expectedRecipients());
        assertThat(benchmark.sink().connections()).isEqualTo(1);
        assertThat(benchmark.sink().tlsSessions()).isEqualTo(handshakes(1));
    }

    @Test
    void connectionPerMessageDeliversEveryMessageOverItsOwnConnection() {
        assertThat(benchmark.gatehouseConnectionPerMessage().isSent()).isTrue();

        assertThat(recipients()).isEqualTo(expectedRecipients());
        assertThat(benchmark.sink().connections()).isEqualTo(COUNT);
        assertThat(benchmark.sink().tlsSessions()).isEqualTo(handshakes(COUNT));
    }

    @Test
    void springDeliversEveryMessageOverOneConnection() throws MessagingException {
        assertThat(benchmark.springSend()).hasSize(COUNT);

        assertThat(recipients()).isEqualTo(expectedRecipients());
        assertThat(benchmark.sink().connections()).isEqualTo(1);
        assertThat(benchmark.sink().tlsSessions()).isEqualTo(handshakes(1));
    }

    @Test
    void bothSendersWriteTheSameSubjectTextAndHtml() throws MessagingException, IOException {
        benchmark.gatehouseSendAll();
        benchmark.springSend();

        List<SmtpSink.Received> received = benchmark.sink().messages();
        assertThat(received).hasSize(2 * COUNT);
        for (SmtpSink.Received one : List.of(received.get(0), received.get(COUNT))) {
            MimeMessage mime = parse(one);
            assertThat(mime.getSubject()).isEqualTo(benchmark.messages().get(0).subject());
            assertThat(mime.getFrom()[0].toString()).contains("no-reply@example.com");
            assertThat(mime.getContent()).isInstanceOf(MimeMultipart.class);
            assertThat(one.data()).contains("Hi User1,").contains("Confirm my address");
        }
    }

    @Test
    void iterationCheckAcceptsWholeBatchesAndForgetsThem() {
        benchmark.gatehouseSendAll();

        benchmark.purge();

        assertThat(benchmark.sink().received()).isZero();
        assertThat(benchmark.sink().messages()).isEmpty();
    }

    @Test
    void iterationCheckFailsWhenMessagesAreMissing() {
        // A plaintext client, which a sink offering STARTTLS also serves.
        SmtpMailer mailer = SmtpMailer.create(SmtpSettings.builder().host("127.0.0.1").port(benchmark.sink().port())
                .security(SmtpSecurity.NONE).build());
        benchmark.messages().subList(0, 3).forEach(mailer::send);

        assertThatThrownBy(benchmark::purge).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("received 3 messages");
    }

    @Test
    void messagesCarryTextAndHtmlToDistinctRecipients() {
        assertThat(benchmark.messages()).hasSize(COUNT)
                .allSatisfy(m -> assertThat(m.html()).isPresent())
                .extracting(m -> m.to().get(0).address()).doesNotHaveDuplicates();
    }
}
