package io.gatehouse.password.validation;

import java.util.List;

/**
 * One password rule. Implementations are immutable and thread-safe, and never include the password in a
 * violation.
 *
 * <p>Built-in rules come from {@link PasswordValidators}; {@link PasswordPolicy} combines them.
 */
public interface PasswordValidator {

    /**
     * Checks {@code password} against this rule.
     *
     * @param password the candidate password
     * @param context the user attributes, {@link PasswordContext#none()} if unknown
     * @return the violations found, empty if the password passes; never null
     * @throws NullPointerException if an argument is null
     */
    List<PasswordViolation> validate(CharSequence password, PasswordContext context);
}
