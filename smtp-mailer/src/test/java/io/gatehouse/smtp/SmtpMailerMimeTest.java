package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.MailAddress;
import io.gatehouse.mail.SendOutcome;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What arrives: messages read back from GreenMail's received MimeMessages, sent over plain SMTP with auth. */
class SmtpMailerMimeTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = Fixtures.greenMail();

    private static final String LINK = "https://example.kr/verify/MQ-cb8a7f-tokentoken";

    private SmtpMailer mailer() {
        return SmtpMailer.create(Fixtures.plain(GREEN_MAIL.getSmtp().getPort()).build(), Fixtures.CLOCK);
    }

    private static String normalised(Object content) {
        return ((String) content).replace("\r\n", "\n");
    }

    @Test
    void plainSmtpKoreanSubjectTextAndHtmlRoundTripIntact() throws Exception {
        String subject = "이메일 주소를 확인해 주세요 — 게이트하우스 계정 확인 안내 메일입니다 (중요)";
        String text = "안녕하세요, 김민수 님.\n아래 링크를 눌러 주세요:\n" + LINK + "\n감사합니다.\n";
        String html = "<p>안녕하세요, <b>김민수</b> 님.</p><p><a href=\"" + LINK + "\">이메일 확인</a></p>";
        EmailMessage message = EmailMessage.builder()
                .from(MailAddress.of("no-reply@example.kr", "게이트하우스"))
                .to(MailAddress.of("minsu@example.kr", "김민수"))
                .subject(subject).text(text).html(html).build();

        assertThat(mailer().send(message).isSent()).isTrue();

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(subject);
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("게이트하우스");
        assertThat(((InternetAddress) received.getRecipients(RecipientType.TO)[0]).getPersonal()).isEqualTo("김민수");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(normalised(parts.getBodyPart(0).getContent())).isEqualTo(text);
        assertThat(parts.getBodyPart(1).getContentType()).containsIgnoringCase("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(normalised(parts.getBodyPart(1).getContent())).isEqualTo(html);
    }

    @Test
    void plainSmtpHeadersAreAsciiWithRfc2047EncodedWords() throws Exception {
        EmailMessage message = EmailMessage.builder().from(MailAddress.of("no-reply@example.kr", "게이트하우스"))
                .to("minsu@example.kr").subject("가".repeat(60)).text("본문").header("X-Campaign", "가입 환영")
                .build();

        mailer().send(message);

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        received.writeTo(raw);
        String headers = raw.toString(StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
        assertThat(headers.chars()).allMatch(c -> c < 0x80);
        assertThat(headers).contains("=?UTF-8?");
        assertThat(Arrays.stream(headers.split("\r\n"))).allMatch(line -> line.length() <= 998);
        assertThat(received.getSubject()).isEqualTo("가".repeat(60));
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(received.getHeader("X-Campaign", null))))
                .isEqualTo("가입 환영");
    }

    @Test
    void plainSmtpTextOnlyMessageIsTextPlainInUtf8() throws Exception {
        EmailMessage message = EmailMessage.builder().from("no-reply@example.kr").to("minsu@example.kr")
                .subject("비밀번호 재설정").text("재설정 링크: " + LINK + "\n감사합니다.").build();

        mailer().send(message);

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        // No line break at the very end: GreenMail drops the last CRLF of a message's data.
        assertThat(normalised(received.getContent())).isEqualTo("재설정 링크: " + LINK + "\n감사합니다.");
    }

    @Test
    void plainSmtpKeepsTheMessageIdAcrossResendsAndDatesByTheClock() throws Exception {
        EmailMessage message = Fixtures.message(7);

        SmtpMailer mailer = mailer();
        mailer.send(message);
        mailer.send(message.toBuilder().build());

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage m : received) {
            assertThat(m.getMessageID()).isEqualTo(message.messageId());
            // 2026-03-01T09:30:00Z in the clock's zone, Asia/Seoul.
            assertThat(m.getHeader("Date", null)).isEqualTo("Sun, 1 Mar 2026 18:30:00 +0900");
            assertThat(m.getSentDate().toInstant()).isEqualTo(Fixtures.CLOCK.instant());
        }
    }

    @Test
    void plainSmtpWritesCcAndReplyToButNeverBccWhileDeliveringToAll() throws Exception {
        EmailMessage message = EmailMessage.builder().from("no-reply@example.com")
                .to("to@example.com").cc("Copy <cc@example.com>").bcc("hidden@example.com")
                .replyTo("support@example.com").subject("Team").text("Hello").build();

        SendOutcome outcome = mailer().send(message);

        assertThat(outcome.isSent()).isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        for (String mailbox : List.of("to@example.com", "cc@example.com", "hidden@example.com")) {
            assertThat(GREEN_MAIL.findReceivedMessages(u -> u.getEmail().equals(mailbox), m -> true))
                    .as(mailbox).hasSize(1);
        }
        for (MimeMessage m : received) {
            assertThat(m.getHeader("Bcc")).isNull();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            m.writeTo(raw);
            assertThat(raw.toString(StandardCharsets.ISO_8859_1)).doesNotContain("hidden@example.com");
            assertThat(addresses(m.getRecipients(RecipientType.CC))).containsExactly("cc@example.com");
            assertThat(addresses(m.getReplyTo())).containsExactly("support@example.com");
        }
    }

    @Test
    void plainSmtpWritesExtraHeaders() throws Exception {
        EmailMessage message = Fixtures.message(8).toBuilder()
                .header("List-Unsubscribe", "<mailto:unsubscribe@example.com>")
                .header("X-Gatehouse-Purpose", "verification").build();

        mailer().send(message);

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getHeader("List-Unsubscribe", null)).isEqualTo("<mailto:unsubscribe@example.com>");
        assertThat(received.getHeader("X-Gatehouse-Purpose", null)).isEqualTo("verification");
    }

    @Test
    void plainSmtpWritesAnInternationalDomainInPunycode() throws Exception {
        EmailMessage message = Fixtures.messageTo("minsu@도메인.한국");

        SendOutcome outcome = mailer().send(message);

        assertThat(outcome.isSent()).as(outcome.detail()).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(addresses(received.getRecipients(RecipientType.TO))).containsExactly("minsu@xn--hq1bm8jm9l.xn--3e0b707e");
    }

    @Test
    void plainSmtpRejectsANonAsciiLocalPartItCannotWriteWithoutSmtpUtf8() {
        SendOutcome outcome = mailer().send(Fixtures.messageTo("민수@example.kr"));

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.REJECTED);
        assertThat(outcome.detail()).contains("SMTPUTF8");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    private static List<String> addresses(Address[] list) {
        return Arrays.stream(list).map(a -> ((InternetAddress) a).getAddress()).toList();
    }
}
