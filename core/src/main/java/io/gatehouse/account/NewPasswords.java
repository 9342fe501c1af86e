package io.gatehouse.account;

import io.gatehouse.password.validation.PasswordContext;
import io.gatehouse.password.validation.PasswordPolicy;
import io.gatehouse.password.validation.PasswordViolation;
import java.util.List;

/** The checks a new password passes before it is hashed. */
final class NewPasswords {
    static final PasswordViolation NOT_TEXT = new PasswordViolation("password_invalid_character",
            "The password holds a broken character (an unpaired surrogate); type it again.",
            "비밀번호에 깨진 문자가 들어 있습니다. 다시 입력해 주세요.");

    private NewPasswords() {
    }

    /**
     * Every rule the password breaks: the policy's, and first of all that it must be text the hasher can
     * encode (a lone UTF-16 surrogate has no UTF-8 form, and the hasher would throw).
     */
    static List<PasswordViolation> check(PasswordPolicy policy, CharSequence password, PasswordContext context) {
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < password.length()
                    && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return List.of(NOT_TEXT);
            }
        }
        return policy.check(password, context);
    }
}
