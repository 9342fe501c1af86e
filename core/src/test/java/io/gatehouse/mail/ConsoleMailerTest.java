package io.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleMailerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleMailer mailer = ConsoleMailer.create(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-03-01T09:05:07Z"), ZoneOffset.UTC));

    private static EmailMessage message(String subject) {
        return EmailMessage.builder().from("Gatehouse <no-reply@example.com>").to("minsu@example.kr")
                .bcc("audit@example.com").subject(subject).text("body").build();
    }

    @Test
    void writesTheHeadersAndASeparator() {
        EmailMessage message = message("Welcome");

        SendOutcome outcome = mailer.send(message);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(outcome.isSent()).isTrue();
        assertThat(out).contains("Date: Sun, 1 Mar 2026 09:05:07 +0000\r\n",
                "From: Gatehouse <no-reply@example.com>\r\n", "To: minsu@example.kr\r\n", "Subject: Welcome\r\n",
                "Message-ID: " + message.messageId() + "\r\n", "-".repeat(79))
                .doesNotContain("audit@example.com");
    }

    @Test
    void sendAllWritesEveryMessage() {
        List<SendOutcome> outcomes = mailer.sendAll(List.of(message("one"), message("two")));

        assertThat(outcomes).allMatch(SendOutcome::isSent);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Subject: one\r\n", "Subject: two\r\n")
                .containsPattern("(?s)-{79}.*-{79}");
    }
}
