package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderException;
import io.gatehouse.mail.SendOutcome;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The mail row's three senders each deliver every message, to GreenMail on an ephemeral port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailBenchmarkTest {
    private static final int COUNT = 20;

    private final MailBenchmark benchmark = new MailBenchmark();

    @BeforeAll
    void setUp() {
        benchmark.setUp(COUNT);
    }

    @AfterAll
    void tearDown() {
        benchmark.tearDown();
    }

    @BeforeEach
    void purge() throws FolderException {
        benchmark.purge();
    }

    private List<String> recipients() throws MessagingException {
        MimeMessage[] received = benchmark.greenMail().getReceivedMessages();
        String[] to = new String[received.length];
        for (int i = 0; i < received.length; i++) {
            to[i] = received[i].getRecipients(Message.RecipientType.TO)[0].toString();
        }
        return Arrays.stream(to).sorted().toList();
    }

    private static List<String> expectedRecipients() {
        return java.util.stream.IntStream.rangeClosed(1, COUNT).mapToObj(n -> "user" + n + "@example.com").sorted()
                .toList();
    }

    @Test
    void sendAllDeliversEveryMessage() throws MessagingException {
        List<SendOutcome> outcomes = benchmark.gatehouseSendAll();

        assertThat(outcomes).hasSize(COUNT).allMatch(SendOutcome::isSent);
        assertThat(recipients()).isEqualTo(expectedRecipients());
    }

    @Test
    void connectionPerMessageDeliversEveryMessage() throws MessagingException {
        assertThat(benchmark.gatehouseConnectionPerMessage().isSent()).isTrue();

        assertThat(recipients()).isEqualTo(expectedRecipients());
    }

    @Test
    void springDeliversEveryMessageWithTheSameSubjectTextAndHtml() throws MessagingException {
        MimeMessage[] sent = benchmark.springSend();

        assertThat(sent).hasSize(COUNT);
        assertThat(recipients()).isEqualTo(expectedRecipients());
        MimeMessage first = benchmark.greenMail().getReceivedMessages()[0];
        assertThat(first.getSubject()).isEqualTo(benchmark.messages().get(0).subject());
        assertThat(first.getFrom()[0].toString()).contains("no-reply@example.com");
        assertThat(first.getContentType()).startsWith("multipart/");
    }

    @Test
    void purgeEmptiesTheServerBetweenIterations() throws FolderException {
        benchmark.gatehouseSendAll();

        benchmark.purge();

        assertThat(benchmark.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void messagesCarryTextAndHtmlToDistinctRecipients() {
        assertThat(benchmark.messages()).hasSize(COUNT)
                .allSatisfy(m -> assertThat(m.html()).isPresent())
                .extracting(m -> m.to().get(0).address()).doesNotHaveDuplicates();
    }
}
