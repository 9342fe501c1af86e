package io.gatehouse;

import java.util.Objects;

/**
 * An argument broke a rule: a blank username, an over-long email, a control character in a header. The
 * exception names the {@link #field()} and a stable {@link #code()} so a web layer can show the error next
 * to the right form field, and its message is a complete English sentence naming the rule.
 *
 * <p>Whatever method threw it changed nothing stored.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String code;

    /**
     * Creates the exception.
     *
     * @param field the name of the offending field, e.g. {@code "email"}
     * @param code a stable machine-readable code, e.g. {@code "email_invalid"}
     * @param message a complete sentence naming the field and the rule; never the rejected secret
     */
    public InvalidInputException(String field, String code, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * The field that failed validation.
     *
     * @return the field name as the caller knows it, e.g. {@code "username"}
     */
    public String field() {
        return field;
    }

    /**
     * A stable code for the broken rule.
     *
     * @return e.g. {@code "username_too_long"}
     */
    public String code() {
        return code;
    }
}
