package io.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MimeWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:05:07Z"), ZoneOffset.UTC);
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");
    private final MimeWriter writer = new MimeWriter(CLOCK, new SecureRandom());

    private static EmailMessageBuilder base() {
        return EmailMessage.builder().from("Gatehouse <no-reply@example.com>").to("minsu@example.kr");
    }

    private String render(EmailMessage message) {
        return new String(writer.write(message), StandardCharsets.UTF_8);
    }

    private static String headers(String rendered) {
        return rendered.substring(0, rendered.indexOf("\r\n\r\n") + 2);
    }

    /** The value of a header, unfolded, with encoded-words decoded by the JDK. */
    private static String decodedHeader(String rendered, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": ([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)\r\n").matcher(headers(rendered));
        assertThat(m.find()).as("header %s", name).isTrue();
        String unfolded = m.group(1).replace("\r\n", "");
        // Whitespace between two encoded-words is not part of the text (RFC 2047 section 6.2).
        String joined = unfolded.replaceAll("\\?= +=\\?", "?==?");
        Matcher words = ENCODED_WORD.matcher(joined);
        StringBuilder decoded = new StringBuilder();
        while (words.find()) {
            words.appendReplacement(decoded, Matcher.quoteReplacement(
                    new String(Base64.getDecoder().decode(words.group(1)), StandardCharsets.UTF_8)));
        }
        words.appendTail(decoded);
        return decoded.toString();
    }

    private static String decodeBase64Body(String part) {
        String body = part.substring(part.indexOf("\r\n\r\n") + 4);
        return new String(Base64.getMimeDecoder().decode(body.strip()), StandardCharsets.UTF_8);
    }

    @Test
    void koreanSubjectAndBodyRoundTrip() {
        String subject = "[Gatehouse] 이메일 주소를 확인해 주세요 — 아래 링크를 눌러 계정을 활성화하시면 바로 로그인하실 수 있습니다 😀";
        String body = "안녕하세요, 김민수 님.\n\n아래 링크를 눌러 주세요:\nhttps://example.com/verify/1/abc\n";
        String rendered = render(base().subject(subject).text(body).build());

        assertThat(decodedHeader(rendered, "Subject")).isEqualTo(subject);
        assertThat(decodeBase64Body(rendered)).isEqualTo(body.replace("\n", "\r\n"));
        assertThat(headers(rendered)).contains("Content-Type: text/plain; charset=UTF-8\r\n",
                "Content-Transfer-Encoding: base64\r\n");
    }

    @Test
    void encodedWordsStayWithinLimitsAndNeverSplitACharacter() {
        String subject = "가".repeat(50) + "😀".repeat(20) + "é".repeat(30);
        for (String word : MimeWriter.encodedWords(subject)) {
            assertThat(word.length()).isLessThanOrEqualTo(75);
            Matcher m = ENCODED_WORD.matcher(word);
            assertThat(m.matches()).isTrue();
            byte[] bytes = Base64.getDecoder().decode(m.group(1));
            // A split sequence would not survive a strict round trip through UTF-8.
            assertThat(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
        }
    }

    @Test
    void everyLineStaysWithin78CharactersWhenItCanBeFolded() {
        EmailMessage message = base()
                .to("Second Person <second@example.com>", "third@example.com", "fourth@example.com", "김민수 <kim@example.kr>")
                .subject("A rather long subject line that goes on and on so that it has to be folded somewhere")
                .header("X-Note", "메모 ".repeat(30)).text("x".repeat(500)).html("<p>" + "y".repeat(500)).build();

        for (String line : render(message).split("\r\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(78);
        }
        assertThat(decodedHeader(render(message), "Subject"))
                .isEqualTo("A rather long subject line that goes on and on so that it has to be folded somewhere");
        assertThat(decodedHeader(render(message), "X-Note")).isEqualTo("메모 ".repeat(30));
    }

    @Test
    void structuralHeadersAreWritten() {
        EmailMessage message = base().cc("cc@example.com").replyTo("help@example.com").subject("Hi")
                .header("X-Campaign", "welcome").build();
        String headers = headers(render(message));

        assertThat(headers).startsWith("Date: Sun, 1 Mar 2026 09:05:07 +0000\r\n")
                .contains("From: Gatehouse <no-reply@example.com>\r\n", "To: minsu@example.kr\r\n",
                        "Cc: cc@example.com\r\n", "Reply-To: help@example.com\r\n", "Subject: Hi\r\n",
                        "Message-ID: " + message.messageId() + "\r\n", "MIME-Version: 1.0\r\n",
                        "X-Campaign: welcome\r\n");
    }

    @Test
    void displayNamesAreQuotedOrEncoded() {
        EmailMessage message = base().to("\"Kim, Minsu\" <a@example.kr>", "김민수 <b@example.kr>").build();
        String rendered = render(message);

        assertThat(headers(rendered)).contains("\"Kim, Minsu\" <a@example.kr>,");
        assertThat(decodedHeader(rendered, "To")).isEqualTo(
                "minsu@example.kr, \"Kim, Minsu\" <a@example.kr>, 김민수 <b@example.kr>");
    }

    @Test
    void bccIsLeftOutOfTheHeadersButStaysARecipient() {
        EmailMessage message = base().bcc("hidden@example.com").build();

        assertThat(render(message)).doesNotContainIgnoringCase("bcc").doesNotContain("hidden@example.com");
        assertThat(message.recipients()).extracting(MailAddress::address).contains("hidden@example.com");
    }

    @Test
    void textAndHtmlBecomeMultipartAlternative() {
        String html = "<p>안녕하세요 <a href=\"https://example.com/v\">확인</a></p>";
        String rendered = render(base().text("안녕하세요").html(html).build());

        Matcher m = Pattern.compile("Content-Type: multipart/alternative;\r\n boundary=\"([^\"]+)\"\r\n").matcher(rendered);
        assertThat(m.find()).isTrue();
        String boundary = m.group(1);
        String body = rendered.substring(rendered.indexOf("\r\n\r\n") + 4);
        assertThat(body).startsWith("--" + boundary + "\r\n").endsWith("--" + boundary + "--\r\n");
        List<String> parts = new ArrayList<>(List.of(body.split("--" + Pattern.quote(boundary) + "(--)?\r\n")));
        parts.removeIf(String::isEmpty);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).startsWith("Content-Type: text/plain; charset=UTF-8\r\n");
        assertThat(decodeBase64Body(parts.get(0))).isEqualTo("안녕하세요");
        assertThat(parts.get(1)).startsWith("Content-Type: text/html; charset=UTF-8\r\n");
        assertThat(decodeBase64Body(parts.get(1))).isEqualTo(html);
    }

    @Test
    void boundaryDiffersBetweenMessagesAndIsAbsentFromBodies() {
        EmailMessage message = base().text("--=_gatehouse_ text").html("=_gatehouse_").build();
        String first = render(message);
        String second = render(message);

        assertThat(boundaryOf(first)).isNotEqualTo(boundaryOf(second));
        assertThat(first.split(Pattern.quote(boundaryOf(first)), -1)).hasSize(5);
    }

    private static String boundaryOf(String rendered) {
        Matcher m = Pattern.compile("boundary=\"([^\"]+)\"").matcher(rendered);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void asciiSubjectThatLooksEncodedIsEncodedSoItReadsLiterally() {
        String subject = "=?UTF-8?B?c3Bvb2Y=?=";
        String rendered = render(base().subject(subject).build());

        assertThat(decodedHeader(rendered, "Subject")).isEqualTo(subject);
    }

    @Test
    void bodyLinesStayWithin76Characters() {
        String rendered = render(base().text("한".repeat(1000)).build());
        String body = rendered.substring(rendered.indexOf("\r\n\r\n") + 4);

        for (String line : body.split("\r\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(76);
        }
    }
}
