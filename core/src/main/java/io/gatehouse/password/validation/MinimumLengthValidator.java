package io.gatehouse.password.validation;

import java.util.List;
import java.util.Objects;

/** Refuses passwords with fewer code points than a minimum, like Django's MinimumLengthValidator. */
final class MinimumLengthValidator implements PasswordValidator {

    private final int minimum;

    MinimumLengthValidator(int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum is " + minimum + " but must be at least 1.");
        }
        this.minimum = minimum;
    }

    @Override
    public List<PasswordViolation> validate(CharSequence password, PasswordContext context) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(context, "context");
        if (Character.codePointCount(password, 0, password.length()) >= minimum) {
            return List.of();
        }
        return List.of(new PasswordViolation("password_too_short",
                "This password is too short. It must contain at least " + minimum + " characters.",
                "비밀번호가 너무 짧습니다. 최소 " + minimum + "자 이상이어야 합니다."));
    }

    @Override
    public String toString() {
        return "MinimumLengthValidator[" + minimum + "]";
    }
}
