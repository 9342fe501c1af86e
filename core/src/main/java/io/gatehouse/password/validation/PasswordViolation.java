package io.gatehouse.password.validation;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One broken password rule: a stable machine-readable code plus complete-sentence messages in English and Korean.
 *
 * <p>Codes are part of the API ({@code password_too_short}, {@code password_too_long},
 * {@code password_too_common}, {@code password_entirely_numeric}, {@code password_too_similar}); messages may be
 * reworded. Security note: messages state the rule, never the password.
 *
 * @param code stable identifier for programs and translations, non-blank
 * @param english the English message, a complete sentence
 * @param korean the Korean message, a complete sentence
 */
public record PasswordViolation(String code, String english, String korean) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Validates that every component is present and non-blank.
     *
     * @param code stable identifier for programs and translations, non-blank
     * @param english the English message, a complete sentence
     * @param korean the Korean message, a complete sentence
     * @throws IllegalArgumentException if a component is blank
     */
    public PasswordViolation {
        requireNonBlank(code, "code");
        requireNonBlank(english, "english");
        requireNonBlank(korean, "korean");
    }

    /**
     * Returns the message for {@code locale}: Korean for the {@code ko} language, English otherwise.
     *
     * @param locale the reader's locale
     * @return the message in that language
     */
    public String message(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return "ko".equals(locale.getLanguage()) ? korean : english;
    }

    private static void requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank; give every violation a " + name + ".");
        }
    }
}
