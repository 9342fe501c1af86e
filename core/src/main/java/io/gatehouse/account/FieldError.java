package io.gatehouse.account;

import io.gatehouse.InvalidInputException;
import io.gatehouse.mail.MailAddress;
import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.user.EmailAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One form field that breaks a rule: the field's name, a stable code, and complete-sentence messages in
 * English and Korean, so a web layer can show every error next to its field at once.
 *
 * <p>Codes are part of the API: {@code username_blank}, {@code username_too_long},
 * {@code username_invalid_character}, {@code username_taken}, {@code email_blank}, {@code email_too_long},
 * {@code email_invalid}, {@code email_taken}, {@code email_unchanged}, and the password codes of
 * {@link PasswordViolation}. Messages may be reworded. Security note: no message repeats a password.
 *
 * @param field the field, e.g. {@code "email"}
 * @param code the broken rule, e.g. {@code "email_taken"}
 * @param english the English message, a complete sentence
 * @param korean the Korean message, a complete sentence
 */
public record FieldError(String field, String code, String english, String korean) {
    // Korean for the codes the username and email rules raise; their English comes from the exception.
    private static final Map<String, String> KOREAN = Map.of(
            "username_blank", "사용자 이름을 입력해 주세요.",
            "username_too_long", "사용자 이름은 150자를 넘을 수 없습니다.",
            "username_invalid_character", "사용자 이름에는 문자, 숫자와 . @ + - _ 기호만 쓸 수 있습니다.",
            "email_blank", "이메일 주소를 입력해 주세요.",
            "email_too_long", "이메일 주소는 254자를 넘을 수 없습니다.",
            "email_invalid", "올바른 이메일 주소를 입력해 주세요. 예: name@example.com",
            "header_control_char", "이메일 주소에 쓸 수 없는 문자가 들어 있습니다.");

    /** Checks that every component is present and not blank. */
    public FieldError {
        requireNonBlank(field, "field");
        requireNonBlank(code, "code");
        requireNonBlank(english, "english");
        requireNonBlank(korean, "korean");
    }

    /**
     * The error for a broken password rule.
     *
     * @param field the password field, e.g. {@code "password"}
     * @param violation the broken rule
     * @return the error, with the violation's code and messages
     */
    public static FieldError of(String field, PasswordViolation violation) {
        Objects.requireNonNull(violation, "violation");
        return new FieldError(field, violation.code(), violation.english(), violation.korean());
    }

    /**
     * The message for {@code locale}: Korean for the {@code ko} language, English otherwise.
     *
     * @param locale the reader's locale
     * @return the message in that language
     */
    public String message(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return "ko".equals(locale.getLanguage()) ? korean : english;
    }

    /** The error for a rejected username or address, reported under {@code field}. */
    static FieldError of(String field, InvalidInputException e) {
        return new FieldError(field, e.code(), e.getMessage(), KOREAN.getOrDefault(e.code(), "입력값이 올바르지 않습니다."));
    }

    /** The error for a typed address, or empty when it is a valid address that can also head a mail. */
    static Optional<FieldError> checkEmail(String field, String email) {
        try {
            EmailAddress.validate(email, field);
            // A valid address may still hold a letter a mail header refuses (U+010A...): no mail could reach it.
            MailAddress.of(email);
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(of(field, e));
        }
    }

    static FieldError usernameTaken() {
        return new FieldError("username", "username_taken", "This username is already taken; choose another.",
                "이미 사용 중인 사용자 이름입니다. 다른 이름을 골라 주세요.");
    }

    static FieldError emailTaken(String field) {
        return new FieldError(field, "email_taken", "An account with this email address already exists.",
                "이 이메일 주소로 가입된 계정이 이미 있습니다.");
    }

    static FieldError emailUnchanged(String field) {
        return new FieldError(field, "email_unchanged", "This is already the account's email address.",
                "지금 쓰고 있는 이메일 주소와 같습니다.");
    }

    private static void requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank; give every field error a " + name + ".");
        }
    }
}
