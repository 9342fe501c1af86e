package io.gatehouse.password.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = PasswordPolicy.defaults();

    private static List<String> codes(List<PasswordViolation> violations) {
        return violations.stream().map(PasswordViolation::code).toList();
    }

    @Test
    void checkWhenStrongPasswordThenNoViolations() {
        assertThat(POLICY.check("correct horse battery staple", PasswordContext.of("alice", "alice@example.com")))
                .isEmpty();
        assertThat(POLICY.check("비밀번호는정말안전합니다", PasswordContext.none())).isEmpty();
    }

    @Test
    void checkWhenSeveralRulesBrokenThenReportsAllAtOnce() {
        // "12345" is short, common and numeric.
        assertThat(codes(POLICY.check("12345", PasswordContext.none())))
                .containsExactly("password_too_short", "password_too_common", "password_entirely_numeric");
        assertThat(codes(POLICY.check("xqvzmptk", PasswordContext.of("xqvzmptk", ""))))
                .containsExactly("password_too_similar", "password_too_short");
        assertThat(codes(POLICY.check("alice", PasswordContext.of("alice", ""))))
                .containsExactly("password_too_similar", "password_too_short", "password_too_common");
    }

    @Test
    void checkWhenTooLongThenOnlyTooLongAndOtherRulesNotRun() {
        List<String> seen = new ArrayList<>();
        PasswordValidator spy = (password, context) -> {
            seen.add("ran");
            return List.of();
        };
        PasswordPolicy policy = PasswordPolicy.of(List.of(
                spy, PasswordValidators.minimumLength(200), PasswordValidators.maximumLength(128)));
        assertThat(codes(policy.check("1".repeat(129), PasswordContext.none()))).containsExactly("password_too_long");
        assertThat(seen).isEmpty();
        assertThat(codes(policy.check("1".repeat(128), PasswordContext.none()))).containsExactly("password_too_short");
        assertThat(seen).hasSize(1);
        assertThat(codes(POLICY.check("1".repeat(10_000), PasswordContext.none())))
                .containsExactly("password_too_long");
    }

    @Test
    void checkWhenDefaultLengthBoundariesThenBothSidesHold() {
        String unique = "Zq8!vR2#mK5$";
        assertThat(codes(POLICY.check(unique.substring(0, 11), PasswordContext.none())))
                .containsExactly("password_too_short");
        assertThat(POLICY.check(unique, PasswordContext.none())).isEmpty();
        assertThat(POLICY.check("😀".repeat(12), PasswordContext.none())).isEmpty();
        assertThat(codes(POLICY.check("😀".repeat(11), PasswordContext.none()))).containsExactly("password_too_short");
        assertThat(POLICY.check("🔒".repeat(128), PasswordContext.none())).isEmpty();
        assertThat(codes(POLICY.check("🔒".repeat(129), PasswordContext.none()))).containsExactly("password_too_long");
    }

    @Test
    void enforceWhenWeakThenExceptionNamesFieldAndListsViolationsWithoutPassword() {
        WeakPasswordException e = catchThrowableOfType(
                WeakPasswordException.class, () -> POLICY.enforce("1234567890", PasswordContext.none()));
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.field()).isEqualTo("password");
        assertThat(codes(e.violations()))
                .containsExactly("password_too_short", "password_too_common", "password_entirely_numeric");
        assertThat(e.getMessage())
                .isEqualTo("password is too weak: This password is too short. It must contain at least 12 characters."
                        + " This password is too common. This password is entirely numeric.")
                .doesNotContain("1234567890");
    }

    @Test
    void enforceWhenStrongThenReturnsNormally() {
        assertThatCode(() -> POLICY.enforce("correct horse battery staple", PasswordContext.none()))
                .doesNotThrowAnyException();
    }

    @Test
    void ofWhenEmptyThenAcceptsEverything() {
        assertThat(PasswordPolicy.of(List.of()).check("", PasswordContext.none())).isEmpty();
    }
}
