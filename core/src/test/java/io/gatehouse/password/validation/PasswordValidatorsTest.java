package io.gatehouse.password.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PasswordValidatorsTest {

    private static final PasswordContext NONE = PasswordContext.none();
    private static final String EMOJI = "😀";

    private static List<String> codes(List<PasswordViolation> violations) {
        return violations.stream().map(PasswordViolation::code).toList();
    }

    @Test
    void minimumLengthWhen11CodePointsThenTooShortAnd12ThenOk() {
        PasswordValidator min = PasswordValidators.minimumLength(12);
        assertThat(codes(min.validate("x".repeat(11), NONE))).containsExactly("password_too_short");
        assertThat(min.validate("x".repeat(12), NONE)).isEmpty();
    }

    @Test
    void minimumLengthWhenEmojiOrKoreanThenCountsCodePoints() {
        PasswordValidator min = PasswordValidators.minimumLength(12);
        // 11 emoji are 22 UTF-16 units and 44 UTF-8 bytes, but still 11 characters.
        assertThat(codes(min.validate(EMOJI.repeat(11), NONE))).containsExactly("password_too_short");
        assertThat(min.validate(EMOJI.repeat(12), NONE)).isEmpty();
        assertThat(codes(min.validate("가".repeat(11), NONE))).containsExactly("password_too_short");
        assertThat(min.validate("가".repeat(12), NONE)).isEmpty();
    }

    @Test
    void minimumLengthWhenTooShortThenCompleteSentencesInBothLanguages() {
        PasswordViolation v = PasswordValidators.minimumLength(12).validate("short", NONE).get(0);
        assertThat(v.message(Locale.ENGLISH))
                .isEqualTo("This password is too short. It must contain at least 12 characters.");
        assertThat(v.message(Locale.KOREAN)).isEqualTo("비밀번호가 너무 짧습니다. 최소 12자 이상이어야 합니다.");
        assertThat(v.message(Locale.forLanguageTag("ko-KR"))).isEqualTo(v.korean());
        assertThat(v.message(Locale.FRENCH)).isEqualTo(v.english());
    }

    @Test
    void maximumLengthWhen128CodePointsThenOkAnd129ThenTooLong() {
        PasswordValidator max = PasswordValidators.maximumLength(128);
        assertThat(max.validate("x".repeat(128), NONE)).isEmpty();
        assertThat(max.validate(EMOJI.repeat(128), NONE)).isEmpty();
        PasswordViolation v = max.validate(EMOJI.repeat(129), NONE).get(0);
        assertThat(v.code()).isEqualTo("password_too_long");
        assertThat(v.english()).isEqualTo("This password is too long. It must contain at most 128 characters.");
        assertThat(v.korean()).isEqualTo("비밀번호가 너무 깁니다. 최대 128자까지 입력할 수 있습니다.");
        assertThat(max.validate("x".repeat(129), NONE)).hasSize(1);
    }

    @Test
    void lengthFactoriesWhenBoundBelowOneThenIllegalArgumentNamingIt() {
        assertThatThrownBy(() -> PasswordValidators.minimumLength(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("minimum is 0");
        assertThatThrownBy(() -> PasswordValidators.maximumLength(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maximum is 0");
        assertThatThrownBy(() -> PasswordValidators.userAttributeSimilarity(0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxSimilarity is 0.05");
        assertThatThrownBy(() -> PasswordValidators.userAttributeSimilarity(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxSimilarity is NaN");
    }

    @Test
    void commonPasswordsWhenListLoadedThenHasDjangosEntries() {
        // 19,727 distinct lines; `wc -l` says 19,726 because the last line has no newline.
        assertThat(CommonPasswordValidator.commonPasswords()).hasSize(19_727)
                .contains("password1234", "qwerty123456", "1qaz2wsx3edc", "password");
    }

    @Test
    void commonPasswordsWhenOnListInAnyCaseOrPaddedThenTooCommon() {
        PasswordValidator common = PasswordValidators.commonPasswords();
        for (String p : new String[] {"password1234", "PassWord1234", " qwerty123456\t", "1QAZ2WSX3EDC"}) {
            assertThat(codes(common.validate(p, NONE))).as(p).containsExactly("password_too_common");
        }
        assertThat(common.validate("pass word 1234", NONE)).isEmpty();
        assertThat(common.validate("correct horse battery staple", NONE)).isEmpty();
        PasswordViolation v = common.validate("password1234", NONE).get(0);
        assertThat(v.english()).isEqualTo("This password is too common.");
        assertThat(v.korean()).isEqualTo("너무 흔한 비밀번호입니다.");
    }

    @Test
    void numericWhenOnlyDigitsInAnyScriptThenEntirelyNumeric() {
        PasswordValidator numeric = PasswordValidators.notEntirelyNumeric();
        assertThat(codes(numeric.validate("2718281828459", NONE))).containsExactly("password_entirely_numeric");
        assertThat(numeric.validate("٣١٤١٥٩٢٦٥٣٥٨", NONE)).hasSize(1);
        assertThat(numeric.validate("１２３４５６７８９０１２", NONE)).hasSize(1);
        assertThat(numeric.validate("271828182845x", NONE)).isEmpty();
        assertThat(numeric.validate("", NONE)).isEmpty();
        assertThat(numeric.validate("2718281828459", NONE).get(0).korean())
                .isEqualTo("비밀번호가 숫자로만 이루어져 있습니다.");
    }

    @Test
    void similarityWhenPasswordResemblesUsernameThenTooSimilar() {
        PasswordValidator similar = PasswordValidators.userAttributeSimilarity(0.7);
        PasswordContext user = PasswordContext.of("testclient", "");
        List<PasswordViolation> violations = similar.validate("testclient1", user);
        assertThat(codes(violations)).containsExactly("password_too_similar");
        assertThat(violations.get(0).english()).isEqualTo("The password is too similar to the username.");
        assertThat(violations.get(0).korean()).isEqualTo("비밀번호가 사용자 이름과 너무 비슷합니다.");
        assertThat(similar.validate("TESTCLIENT", user)).hasSize(1);
        assertThat(similar.validate("unrelated-words-here", user)).isEmpty();
        assertThat(similar.validate("testclient1", NONE)).isEmpty();
    }

    @Test
    void similarityWhenPasswordResemblesEmailPartsThenTooSimilarToEmail() {
        PasswordValidator similar = PasswordValidators.userAttributeSimilarity(0.7);
        PasswordContext user = PasswordContext.of("someone", "jane.doe@example.com");
        assertThat(similar.validate("janedoe1", user).get(0).english())
                .isEqualTo("The password is too similar to the email address.");
        assertThat(similar.validate("example", user)).hasSize(1);
        assertThat(similar.validate("jane.doe@", user).get(0).korean())
                .isEqualTo("비밀번호가 이메일 주소와 너무 비슷합니다.");
        assertThat(similar.validate("purple-monkey-dishwasher", user)).isEmpty();
    }

    @Test
    void similarityWhenNamesThenChecksFirstAndLastName() {
        PasswordValidator similar = PasswordValidators.userAttributeSimilarity(0.7);
        PasswordContext user = PasswordContext.of("u1", "", "Alexandra", "Kowalski");
        assertThat(similar.validate("alexandra!", user).get(0).english()).endsWith("the first name.");
        assertThat(similar.validate("kowalski99", user).get(0).english()).endsWith("the last name.");
    }

    /** Django 4.x skips a part ten times shorter than the password that cannot reach the ratio. */
    @Test
    void similarityWhenAttributeTinyAndPasswordLongThenSkipped() {
        PasswordValidator similar = PasswordValidators.userAttributeSimilarity(0.7);
        assertThat(similar.validate("ab-this-is-a-long-pass", PasswordContext.of("ab", ""))).isEmpty();
    }

    @Test
    void quickRatioWhenComparedWithDifflibThenSameValues() {
        // Values from Python: difflib.SequenceMatcher(a=..., b=...).quick_ratio()
        assertThat(UserAttributeSimilarityValidator.quickRatio(cp("testclient1"), cp("testclient")))
                .isEqualTo(20.0 / 21.0);
        assertThat(UserAttributeSimilarityValidator.quickRatio(cp("abcd"), cp("bcda"))).isEqualTo(1.0);
        assertThat(UserAttributeSimilarityValidator.quickRatio(cp("aab"), cp("abb"))).isEqualTo(4.0 / 6.0);
        assertThat(UserAttributeSimilarityValidator.quickRatio(cp(""), cp(""))).isEqualTo(1.0);
        assertThat(UserAttributeSimilarityValidator.quickRatio(cp("x"), cp(""))).isEqualTo(0.0);
    }

    @Test
    void passwordContextWhenPrintedThenHidesAttributes() {
        assertThat(PasswordContext.of("alice", "alice@example.com").toString()).doesNotContain("alice");
    }

    private static int[] cp(String s) {
        return s.codePoints().toArray();
    }
}
