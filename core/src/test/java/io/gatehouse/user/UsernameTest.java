package io.gatehouse.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {
    /** Strings that trip up naive case folding and normalisation; not all are valid usernames. */
    static final List<String> TRICKY = List.of(
            "alice", "Alice", "ALICE", "Ａｌｉｃｅ", "İstanbul", "ıstanbul", "ISTANBUL", "istanbul",
            "Straße", "STRASSE", "strasse", "ẞ", "ΟΔΟΣ", "οδος", "οδοσ", "Σίσυφος", "\u212Aelvin", "kelvin",
            "ﬁle", "ﬃ", "ﬅ", "e\u0301", "é", "Ǆ", "ǅ", "ǆ", "ǰ", "ŉ", "㎏", "①", "ℌ", "\u2126", "Ω", "ꭰ", "Ꭰ",
            "김민준", "\u1100\u1161\u11A8", "ᄀ", "ß", "ﬀ", "µ", "μ", "Μ", "ſ", "\uFB1D", "a.b@c+d-e_f", "𠀀");

    @Test
    void normalizeKeepsCaseAndAppliesNfkc() {
        assertThat(Username.normalize("Alice")).isEqualTo("Alice");
        assertThat(Username.normalize("Ａｌｉｃｅ")).isEqualTo("Alice");
        assertThat(Username.normalize("ﬁle")).isEqualTo("file");
        assertThat(Username.normalize("\u212Aelvin")).isEqualTo("Kelvin");
    }

    @Test
    void normalizeAcceptsKoreanAndComposesJamo() {
        assertThat(Username.normalize("김민준")).isEqualTo("김민준");
        assertThat(Username.normalize("\u1100\u1161\u11A8")).isEqualTo("각");
    }

    @Test
    void normalizeAcceptsTheAllowedPunctuation() {
        assertThat(Username.normalize("a.b@c+d-e_f")).isEqualTo("a.b@c+d-e_f");
    }

    @Test
    void normalizeAcceptsExactlyMaxLengthCodePoints() {
        assertThat(Username.normalize("a".repeat(150))).hasSize(150);
        assertThat(Username.normalize("가".repeat(150))).hasSize(150);
        // Supplementary letters: 150 code points are 300 chars, and still allowed.
        assertThat(Username.normalize("𠀀".repeat(150)).codePointCount(0, 300)).isEqualTo(150);
    }

    @Test
    void normalizeRejectsOneCodePointOverMaxLength() {
        assertRejected("a".repeat(151), "username_too_long");
        assertRejected("가".repeat(151), "username_too_long");
        assertRejected("𠀀".repeat(151), "username_too_long");
    }

    @Test
    void normalizeCountsLengthAfterNfkcSoALigatureCanPushItOver() {
        // 75 "ﬃ" are 75 code points typed but 225 once normalised.
        assertRejected("ﬃ".repeat(75), "username_too_long");
    }

    @Test
    void normalizeRejectsHugeInputWithoutNormalisingIt() {
        assertRejected("a".repeat(1_000_000), "username_too_long");
    }

    @Test
    void normalizeRejectsBlank() {
        assertRejected("", "username_blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "a b", "\t", "a\u0000b", "a\r\nb", "a\nb", "\u0007", "a/b", "<script>", "a\"b",
        "a'b", "a;b", "\u3000", "a\u200Bb", "e\u0301x\u0301", "\uFB1D", "\u202Eevil", "a\\b", "😀"})
    void normalizeRejectsForbiddenCharactersNamingTheUsernameField(String raw) {
        assertRejected(raw, "username_invalid_character");
    }

    @Test
    void invalidCharacterMessageNamesTheCodePoint() {
        assertThatThrownBy(() -> Username.normalize("a/b"))
                .hasMessage("The username may contain only letters, digits and the characters . @ + - _ ; found U+002F.");
    }

    @Test
    void normalizeRejectsNull() {
        assertThatThrownBy(() -> Username.normalize(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void canonicalIgnoresCaseAndCompatibilityForms() {
        assertThat(Username.canonical("Ａｌｉｃｅ")).isEqualTo("alice");
        assertThat(Username.canonical("ALICE")).isEqualTo("alice");
        assertThat(Username.canonical("\u212Aelvin")).isEqualTo(Username.canonical("kelvin"));
        assertThat(Username.canonical("ﬁle")).isEqualTo(Username.canonical("FILE"));
        assertThat(Username.canonical("\u2126")).isEqualTo(Username.canonical("ω"));
    }

    @Test
    void canonicalOfTurkishDottedCapitalIIsAValidUsername() {
        // String.toLowerCase turns U+0130 into "i" + U+0307, which no username may contain.
        assertThat(Username.canonical("İstanbul")).isEqualTo("istanbul");
        assertThat(Username.normalize(Username.canonical("İstanbul"))).isEqualTo("istanbul");
    }

    @Test
    void canonicalGivesAGreekWordOneKeyWhateverItsSigma() {
        assertThat(Username.canonical("ΟΔΟΣ")).isEqualTo(Username.canonical("οδος"))
                .isEqualTo(Username.canonical("οδοσ"));
    }

    @Test
    void canonicalKeepsSharpSDistinctFromDoubleS() {
        // Simple case folding: ß and ss are different usernames, as in Django.
        assertThat(Username.canonical("Straße")).isNotEqualTo(Username.canonical("STRASSE"));
        assertThat(Username.canonical("ẞ")).isEqualTo(Username.canonical("ß"));
    }

    @Test
    void canonicalIsIdempotentOverTrickyStringsAndTheirPairs() {
        List<String> corpus = new ArrayList<>(TRICKY);
        for (String a : TRICKY) {
            for (String b : TRICKY) {
                corpus.add(a + b);
            }
        }
        int valid = 0;
        for (String raw : corpus) {
            String canonical;
            try {
                canonical = Username.canonical(raw);
            } catch (InvalidInputException e) {
                continue;
            }
            valid++;
            assertThat(Username.canonical(canonical)).as("canonical(canonical(%s))", raw).isEqualTo(canonical);
            assertThat(Username.normalize(canonical)).as("canonical form of %s is a valid username", raw)
                    .isEqualTo(canonical);
        }
        assertThat(valid).isGreaterThan(1500);
    }

    @Test
    void canonicalRejectsAnInvalidUsername() {
        assertRejected(() -> Username.canonical("a b"), "username_invalid_character");
    }

    private static void assertRejected(String raw, String code) {
        assertRejected(() -> Username.normalize(raw), code);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("username");
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
