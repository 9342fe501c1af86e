package io.gatehouse.password.validation;

import java.util.List;
import java.util.Objects;

/**
 * Refuses passwords made only of digits, including non-ASCII decimal digits such as {@code ١٢٣}, like Django's
 * NumericPasswordValidator ({@code str.isdigit()}). The empty password is not numeric.
 */
final class NumericPasswordValidator implements PasswordValidator {

    @Override
    public List<PasswordViolation> validate(CharSequence password, PasswordContext context) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(context, "context");
        if (password.length() == 0 || !password.codePoints().allMatch(Character::isDigit)) {
            return List.of();
        }
        return List.of(new PasswordViolation("password_entirely_numeric",
                "This password is entirely numeric.",
                "비밀번호가 숫자로만 이루어져 있습니다."));
    }

    @Override
    public String toString() {
        return "NumericPasswordValidator";
    }
}
