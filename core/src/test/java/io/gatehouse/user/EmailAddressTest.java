package io.gatehouse.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    private static final String LOCAL_64 = "l".repeat(64);
    /** 63 + 1 + 63 + 1 + 61 = 189 characters, so {@code LOCAL_64 + "@" + DOMAIN_189} is 254. */
    private static final String DOMAIN_189 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(61);

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "a@b.co", "first.last+tag@sub.example.org", "o'neil@example.ie",
        "x_y-z!#$%&*/=?^`{|}~@example.com", "user@localhost", "김민준@예시.한국", "ｊｏｅ@example.com",
        "a1@xn--bcher-kva.example", "a@a-b.c-d.com"})
    void validateAcceptsWellFormedAddressesUnchanged(String raw) {
        assertThat(EmailAddress.validate(raw)).isSameAs(raw);
        assertThat(EmailAddress.isValid(raw)).isTrue();
    }

    @Test
    void validateAcceptsExactly254Characters() {
        String raw = LOCAL_64 + "@" + DOMAIN_189;
        assertThat(raw).hasSize(254);
        assertThat(EmailAddress.validate(raw)).isEqualTo(raw);
    }

    @Test
    void validateRejects255Characters() {
        String raw = LOCAL_64 + "@" + DOMAIN_189 + "c";
        assertThat(raw).hasSize(255);
        assertRejected(raw, "email_too_long");
    }

    @Test
    void validateAcceptsLocalPartOf64AndRejects65() {
        assertThat(EmailAddress.isValid(LOCAL_64 + "@example.com")).isTrue();
        assertRejected(LOCAL_64 + "l@example.com", "email_invalid");
    }

    @Test
    void validateAcceptsDomainLabelOf63AndRejects64() {
        assertThat(EmailAddress.isValid("a@" + "d".repeat(63) + ".com")).isTrue();
        assertRejected("a@" + "d".repeat(64) + ".com", "email_invalid");
    }

    @Test
    void validateRejectsCrlfHeaderInjection() {
        assertRejected("a@b.com\r\nBcc: x@y.com", "email_invalid");
        assertRejected("a@b.com\nBcc: x@y.com", "email_invalid");
        assertRejected("a\r\n@b.com", "email_invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000@b.com", "a@b.com\u0000", "a b@c.com", " a@b.com", "a@b.com ", "a@b .com",
        "a@@b.com", "a@b@c.com", "@b.com", "a@", "ab.com", ".a@b.com", "a.@b.com", "a..b@c.com", "a@.b.com",
        "a@b.com.", "a@b..com", "a@bcom", "a@-b.com", "a@b-.com", "a@b.-com", "a@b.com-", "\"a b\"@c.com",
        "a@[127.0.0.1]", "a(comment)@b.com", "a@b_c.com", "a<b>@c.com", "a,b@c.com", "a@b．com", "a＠b.com",
        "a\t@b.com", "a@b.com\u2028", "a\u200B@b.com"})
    void validateRejectsMalformedAddressesAsEmailInvalid(String raw) {
        assertRejected(raw, "email_invalid");
        assertThat(EmailAddress.isValid(raw)).isFalse();
    }

    @Test
    void validateRejectsBlank() {
        assertRejected("", "email_blank");
    }

    @Test
    void validateNamesTheFieldItWasGiven() {
        assertThatThrownBy(() -> EmailAddress.validate("a@b.com\r\nBcc: x@y.com", "to"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"))
                .hasMessageStartingWith("The to address is not valid:");
    }

    @Test
    void validateRejectsAnAddressWhoseNormalisedLocalPartIsTooLong() {
        // 22 "ﬃ" are 22 characters as typed but 66 once normalised, which no mail server would take.
        assertRejected("ﬃ".repeat(22) + "@example.com", "email_invalid");
    }

    @Test
    void validateRejectsALetterThatNormalisesIntoACombiningMark() {
        // U+FB1D is a letter, but NFKC splits it into a letter and a point that no address may contain.
        assertRejected("\uFB1D@example.com", "email_invalid");
    }

    @Test
    void canonicalIgnoresCaseAndCompatibilityForms() {
        assertThat(EmailAddress.canonical("Alice@Example.COM")).isEqualTo("alice@example.com");
        assertThat(EmailAddress.canonical("ａｌｉｃｅ@example.com")).isEqualTo("alice@example.com");
        assertThat(EmailAddress.canonical("\u212Aim@example.com")).isEqualTo("kim@example.com");
        assertThat(EmailAddress.canonical("İ@example.com")).isEqualTo("i@example.com");
    }

    @Test
    void canonicalRejectsMalformedAddresses() {
        assertRejected(() -> EmailAddress.canonical("not an address"), "email_invalid");
    }

    @Test
    void canonicalIsIdempotentOverTrickyAddresses() {
        List<String> corpus = new ArrayList<>();
        for (String a : UsernameTest.TRICKY) {
            corpus.add(a + "@example.com");
            corpus.add("x@" + a + ".com");
            for (String b : UsernameTest.TRICKY) {
                corpus.add(a + "." + b + "@" + b + ".example");
            }
        }
        int valid = 0;
        for (String raw : corpus) {
            if (!EmailAddress.isValid(raw)) {
                continue;
            }
            valid++;
            String canonical = EmailAddress.canonical(raw);
            assertThat(EmailAddress.canonical(canonical)).as("canonical(canonical(%s))", raw).isEqualTo(canonical);
        }
        assertThat(valid).isGreaterThan(1500);
    }

    private static void assertRejected(String raw, String code) {
        assertRejected(() -> EmailAddress.validate(raw), code);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("email");
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
