package io.gatehouse.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import org.junit.jupiter.api.Test;

class MailAddressTest {
    @Test
    void parseReadsBareAddress() {
        assertThat(MailAddress.parse(" a@example.com ")).isEqualTo(MailAddress.of("a@example.com"));
    }

    @Test
    void parseReadsNameAndAddress() {
        assertThat(MailAddress.parse("Gatehouse <no-reply@example.com>"))
                .isEqualTo(MailAddress.of("no-reply@example.com", "Gatehouse"));
    }

    @Test
    void parseUnquotesQuotedName() {
        MailAddress mailbox = MailAddress.parse("\"Kim, \\\"Minsu\\\"\" <minsu@example.kr>");

        assertThat(mailbox.displayName()).isEqualTo("Kim, \"Minsu\"");
        assertThat(MailAddress.parse(mailbox.toString())).isEqualTo(mailbox);
    }

    @Test
    void parseKeepsKoreanName() {
        assertThat(MailAddress.parse("김민수 <minsu@example.kr>").displayName()).isEqualTo("김민수");
    }

    @Test
    void parseRefusesUnbalancedBracket() {
        assertThatThrownBy(() -> MailAddress.parse("Name a@b.com>"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("address"));
    }

    @Test
    void displayNameAtLimitIsAcceptedAndOneMoreIsRefused() {
        assertThat(MailAddress.of("a@b.com", "n".repeat(256)).hasDisplayName()).isTrue();
        assertThatThrownBy(() -> MailAddress.of("a@b.com", "n".repeat(257)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("display_name_too_long"));
    }

    @Test
    void addressWithLineBreakIsRefusedAsInjection() {
        assertThatThrownBy(() -> MailAddress.of("a@b.com\r\nBcc: evil@x.com"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("header_control_char"));
    }

    @Test
    void blankDisplayNameMeansNone() {
        assertThat(MailAddress.of("a@b.com", "  ").hasDisplayName()).isFalse();
        assertThat(MailAddress.of("a@b.com", "  ").toString()).isEqualTo("a@b.com");
    }
}
