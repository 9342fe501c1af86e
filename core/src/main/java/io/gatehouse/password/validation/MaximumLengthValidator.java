package io.gatehouse.password.validation;

import java.util.List;
import java.util.Objects;

/**
 * Refuses passwords with more code points than a maximum. {@link PasswordPolicy} runs it before every other
 * rule and stops there when it fails, so an enormous input costs one linear scan and nothing more.
 */
final class MaximumLengthValidator implements PasswordValidator {

    private final int maximum;

    MaximumLengthValidator(int maximum) {
        if (maximum < 1) {
            throw new IllegalArgumentException("maximum is " + maximum + " but must be at least 1.");
        }
        this.maximum = maximum;
    }

    @Override
    public List<PasswordViolation> validate(CharSequence password, PasswordContext context) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(context, "context");
        // Each code point is at least one UTF-16 unit, so a short sequence cannot be too long; skip the scan.
        if (password.length() <= maximum || Character.codePointCount(password, 0, password.length()) <= maximum) {
            return List.of();
        }
        return List.of(new PasswordViolation("password_too_long",
                "This password is too long. It must contain at most " + maximum + " characters.",
                "비밀번호가 너무 깁니다. 최대 " + maximum + "자까지 입력할 수 있습니다."));
    }

    @Override
    public String toString() {
        return "MaximumLengthValidator[" + maximum + "]";
    }
}
