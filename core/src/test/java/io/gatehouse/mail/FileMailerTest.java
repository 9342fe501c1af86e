package io.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMailerTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T09:05:07Z"));

    @TempDir
    Path temp;

    private static EmailMessageBuilder message() {
        return EmailMessage.builder().from("no-reply@example.com").to("minsu@example.kr").subject("인증").text("본문");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }

    @Test
    void writesOneEmlFilePerMessageIntoAFolderItCreates() throws IOException {
        Path folder = temp.resolve("mail/outbox");
        FileMailer mailer = FileMailer.create(folder, clock);
        List<EmailMessage> batch = List.of(message().build(), message().build(), message().build());

        List<SendOutcome> outcomes = mailer.sendAll(batch);

        assertThat(outcomes).allMatch(SendOutcome::isSent);
        List<Path> files = files(folder);
        assertThat(files).hasSize(3).allMatch(f -> f.getFileName().toString().matches("20260301-090507-000-\\d-.*\\.eml"));
        String first = Files.readString(files.get(0), StandardCharsets.UTF_8);
        assertThat(first).contains("Message-ID: " + batch.get(0).messageId() + "\r\n", "To: minsu@example.kr\r\n");
    }

    @Test
    void sameMessageSentTwiceGetsTwoFiles() throws IOException {
        FileMailer mailer = FileMailer.create(temp, clock);
        EmailMessage message = message().build();

        mailer.send(message);
        mailer.send(message);

        assertThat(files(temp)).hasSize(2);
    }

    @Test
    void messageIdCannotPlaceAFileOutsideTheFolder() throws IOException {
        Path folder = temp.resolve("inner");
        FileMailer mailer = FileMailer.create(folder, clock);
        EmailMessage message = message().messageId("<../../../escaped/..\\..\\x@example.com>").build();

        mailer.send(message);

        assertThat(files(temp)).containsExactly(folder);
        List<Path> written = files(folder);
        assertThat(written).hasSize(1);
        assertThat(written.get(0).getFileName().toString()).doesNotContain("/", "\\", "..").endsWith(".eml");
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        FileMailer mailer = FileMailer.create(temp, clock);

        mailer.send(message().build());

        assertThat(files(temp)).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".eml"));
    }

    @Test
    void folderThatIsAFileFailsWithAClearMessage() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("file"), "x");
        FileMailer mailer = FileMailer.create(notAFolder, clock);

        assertThatThrownBy(() -> mailer.send(message().build())).isInstanceOf(MailException.class)
                .hasMessageContaining("writable folder");
    }
}
