/**
 * Password strength rules, like Django's {@code password_validation}: minimum and maximum length, a list of
 * common passwords, all-digit passwords and similarity to the user's own attributes.
 *
 * <p>{@link io.gatehouse.password.validation.PasswordPolicy} runs a list of
 * {@link io.gatehouse.password.validation.PasswordValidator}s and reports every
 * {@link io.gatehouse.password.validation.PasswordViolation} at once, with stable codes and English and Korean
 * messages. Lengths count Unicode code points, so twelve emoji are twelve characters.
 */
@NullMarked
package io.gatehouse.password.validation;

import org.jspecify.annotations.NullMarked;
