package io.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailMessageTest {
    private static EmailMessageBuilder valid() {
        return EmailMessage.builder().from("Gatehouse <no-reply@example.com>").to("minsu@example.kr")
                .subject("Welcome").text("Click https://example.com/verify/1/abc-token");
    }

    private static void assertRefused(Runnable attack, String field, String code) {
        assertThatThrownBy(attack::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void toWithCrlfBccInjectionIsRefused() {
        assertRefused(() -> valid().to("a@b.com\r\nBcc: evil@x.com"), "to[1]", "header_control_char");
    }

    @Test
    void thirdRecipientIsNamedByItsIndex() {
        assertRefused(() -> EmailMessage.builder().to("a@b.com", "c@d.com", "not-an-address"), "to[2]", "email_invalid");
    }

    @Test
    void fromWithLfIsRefused() {
        assertRefused(() -> EmailMessage.builder().from("a@b.com\nSubject: spoof"), "from", "header_control_char");
    }

    @Test
    void ccBccAndReplyToAreCheckedToo() {
        assertRefused(() -> valid().cc("a@b.com\rX: y"), "cc[0]", "header_control_char");
        assertRefused(() -> valid().bcc("a@b.com\u0000"), "bcc[0]", "header_control_char");
        assertRefused(() -> valid().replyTo("x@y.com", "a@b.com\u010ABcc: e@x.com"), "replyTo[1]",
                "header_control_char");
    }

    @Test
    void subjectWithNewlineIsRefused() {
        assertRefused(() -> valid().subject("Hello\nBcc: evil@x.com").build(), "subject", "header_control_char");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0D, 0x0A, 0x00, 0x010A, 0x010D, 0x560D, 0x560A, 0xAC0A, 0x1F60A, 0x2028, 0x0085, 0x0B})
    void subjectWithLineBreakOrItsEightBitLookalikeIsRefused(int codePoint) {
        String subject = "Hi " + new String(Character.toChars(codePoint)) + "Bcc: evil@x.com";
        assertRefused(() -> valid().subject(subject).build(), "subject", "header_control_char");
    }

    @Test
    void displayNameWithU010AIsRefused() {
        assertRefused(() -> valid().to(MailAddress.of("a@b.com", "Kim\u010ABcc: evil@x.com")), "address",
                "header_control_char");
        assertRefused(() -> valid().to("Kim\u010ABcc: evil@x.com <a@b.com>"), "to[1]", "header_control_char");
    }

    @Test
    void headerValueWithNulIsRefused() {
        assertRefused(() -> valid().header("X-Campaign", "spring\u0000sale").build(), "headers.X-Campaign",
                "header_control_char");
    }

    @Test
    void headerValueWithCrlfIsRefused() {
        assertRefused(() -> valid().header("X-Foo", "a\r\nBcc: evil@x.com").build(), "headers.X-Foo",
                "header_control_char");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bcc", "bcc", "To", "From", "Subject", "Message-ID", "Date", "MIME-Version",
            "Content-Type", "content-transfer-encoding", "Reply-To", "Cc"})
    void structuralHeaderCannotBeOverridden(String name) {
        assertRefused(() -> valid().header(name, "evil@x.com").build(), "headers", "header_reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Foo:", "X Foo", "", "X-Fo\u00f6", "X-\nFoo"})
    void malformedHeaderNameIsRefused(String name) {
        assertRefused(() -> valid().header(name, "v").build(), "headers", "header_name_invalid");
    }

    @Test
    void headersKeepTheirOrderAndReplaceByNameInAnyCase() {
        EmailMessage message = valid().header("X-B", "1").header("X-A", "2").header("x-b", "3").build();

        assertThat(message.headers()).containsExactly(
                java.util.Map.entry("X-A", "2"), java.util.Map.entry("x-b", "3"));
    }

    @Test
    void messageWithoutRecipientIsRefusedOnTo() {
        assertRefused(() -> EmailMessage.builder().from("a@b.com").subject("s").build(), "to", "recipients_missing");
    }

    @Test
    void bccAloneIsEnough() {
        EmailMessage message = EmailMessage.builder().from("a@b.com").bcc("hidden@b.com").build();

        assertThat(message.recipients()).extracting(MailAddress::address).containsExactly("hidden@b.com");
    }

    @Test
    void messageWithoutSenderIsRefused() {
        assertRefused(() -> EmailMessage.builder().to("a@b.com").build(), "from", "from_missing");
    }

    @Test
    void subjectAtLimitIsAcceptedAndOneMoreIsRefused() {
        assertThat(valid().subject("s".repeat(998)).build().subject()).hasSize(998);
        assertRefused(() -> valid().subject("s".repeat(999)).build(), "subject", "subject_too_long");
    }

    @Test
    void bodyAtLimitIsAcceptedAndOneByteMoreIsRefused() {
        String atLimit = "a".repeat(EmailMessage.MAX_BODY_BYTES - 3) + "가";
        assertThat(valid().text(atLimit).build().text()).isSameAs(atLimit);
        assertRefused(() -> valid().text(atLimit + "a").build(), "text", "body_too_large");
        assertRefused(() -> valid().html(atLimit + "a").build(), "html", "body_too_large");
    }

    @Test
    void bodiesMayHoldLineBreaks() {
        EmailMessage message = valid().text("line 1\r\nline 2\n").html("<p>\n</p>").build();

        assertThat(message.text()).isEqualTo("line 1\r\nline 2\n");
        assertThat(message.html()).contains("<p>\n</p>");
    }

    @Test
    void koreanSubjectAndBodyAreKeptIntact() {
        EmailMessage message = valid().subject("이메일 주소를 확인해 주세요").text("안녕하세요, 김민수 님.").build();

        assertThat(message.subject()).isEqualTo("이메일 주소를 확인해 주세요");
        assertThat(message.text()).isEqualTo("안녕하세요, 김민수 님.");
    }

    @Test
    void messageIdIsStableAcrossCopies() {
        EmailMessage message = valid().build();
        EmailMessage copy = message.toBuilder().subject("Changed").build();

        assertThat(copy.messageId()).isEqualTo(message.messageId());
        assertThat(message.toBuilder().build()).isEqualTo(message).hasSameHashCodeAs(message);
    }

    @Test
    void twoBuiltMessagesGetDifferentIds() {
        assertThat(valid().build().messageId()).isNotEqualTo(valid().build().messageId());
    }

    @Test
    void generatedMessageIdUsesTheSenderDomain() {
        assertThat(valid().build().messageId()).matches("<[0-9a-f]{32}@example\\.com>");
        assertThat(valid().from("a@예시.한국").build().messageId())
                .endsWith("@" + java.net.IDN.toASCII("예시.한국") + ">").matches("<[0-9a-f]{32}@xn--[a-z0-9.-]+>");
    }

    @Test
    void givenMessageIdIsKeptAndMalformedOnesAreRefused() {
        assertThat(valid().messageId("<outbox-42@example.com>").build().messageId()).isEqualTo("<outbox-42@example.com>");
        for (String bad : new String[] {"no-brackets@x.com", "<no-at>", "<a b@x.com>", "<a@x.com>\r\nBcc: e@x.com"}) {
            assertRefused(() -> valid().messageId(bad).build(), "messageId", "message_id_invalid");
        }
    }

    @Test
    void recipientsAreToCcBccWithoutDuplicates() {
        EmailMessage message = valid().cc("Cc <CC@b.com>", "MINSU@example.kr").bcc("cc@B.com", "hidden@b.com").build();

        assertThat(message.recipients()).extracting(MailAddress::address)
                .containsExactly("minsu@example.kr", "CC@b.com", "hidden@b.com");
    }

    @Test
    void toStringShowsNoBody() {
        EmailMessage message = valid().html("<a href=\"https://example.com/verify/1/abc-token\">go</a>").build();

        assertThat(message.toString())
                .contains("no-reply@example.com", "recipients=1", "Welcome", message.messageId())
                .doesNotContain("abc-token");
    }

    @Test
    void listsAreUnmodifiable() {
        EmailMessage message = valid().build();

        assertThatThrownBy(() -> message.to().add(MailAddress.of("x@y.com")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> message.headers().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
