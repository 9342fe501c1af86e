package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.MailAddress;
import io.gatehouse.outbox.MailOutbox;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every field of a message survives the outbox's columns exactly, awkward display names and headers included. */
@TestOn(Dialect.H2)
class MailRowsTest {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Test
    void aMessageWithEveryFieldRoundTripsExactly() {
        EmailMessage message = EmailMessage.builder()
                .from(MailAddress.of("noreply@example.com", "Gatehouse \"Auth\" \\ Team"))
                .to(MailAddress.of("minsu@example.kr", "김 민수"), MailAddress.of("plain@example.com"))
                .cc(MailAddress.of("cc@example.com", "Kim, Minsu <boss>"))
                .bcc("audit@example.com", "Tab\tName <tab@example.com>")
                .replyTo("Support <support@example.com>")
                .subject("  이메일 주소를 확인해 주세요: a: b  ")
                .text("line one\r\nline two\n\nend ")
                .html("<p>안녕</p>")
                .header("X-Empty", "")
                .header("X-Colon", ": starts with a colon and space")
                .header("X-Spaces", "  padded  ")
                .messageId("<abc.123@example.com>")
                .build();
        MailOutbox outbox = DB.freshStores().outbox();

        long id = outbox.enqueue(message, null, Instant.EPOCH).id();
        EmailMessage stored = outbox.find(id).orElseThrow().message();

        assertThat(stored).isEqualTo(message);
        assertThat(stored.from().displayName()).isEqualTo("Gatehouse \"Auth\" \\ Team");
        assertThat(stored.bcc().get(1).displayName()).isEqualTo("Tab\tName");
        assertThat(stored.headers()).containsExactly(
                java.util.Map.entry("X-Empty", ""),
                java.util.Map.entry("X-Colon", ": starts with a colon and space"),
                java.util.Map.entry("X-Spaces", "  padded  "));
        assertThat(stored.messageId()).isEqualTo("<abc.123@example.com>");
    }

    @Test
    void aTextOnlyMessageWithOnlyBccRoundTrips() {
        EmailMessage message = EmailMessage.builder().from("a@example.com").bcc("b@example.com").build();
        MailOutbox outbox = DB.freshStores().outbox();

        EmailMessage stored = outbox.find(outbox.enqueue(message, null, Instant.EPOCH).id()).orElseThrow().message();

        assertThat(stored).isEqualTo(message);
        assertThat(stored.html()).isEmpty();
        assertThat(stored.to()).isEmpty();
    }
}
