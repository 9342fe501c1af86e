package io.gatehouse.password.validation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user attributes a password must not resemble; any of them may be empty when unknown.
 *
 * <p>Security note: only used in memory while validating; {@link #toString()} does not reveal the values, since
 * they are personal data that tends to end up in logs.
 *
 * @param username the login name, or {@code ""}
 * @param email the email address, or {@code ""}
 * @param firstName the given name, or {@code ""}
 * @param lastName the family name, or {@code ""}
 */
public record PasswordContext(String username, String email, String firstName, String lastName) {

    private static final PasswordContext NONE = new PasswordContext("", "", "", "");

    /**
     * Requires every component to be non-null (use {@code ""} for an unknown attribute).
     *
     * @param username the login name, or {@code ""}
     * @param email the email address, or {@code ""}
     * @param firstName the given name, or {@code ""}
     * @param lastName the family name, or {@code ""}
     * @throws NullPointerException naming the null component
     */
    public PasswordContext {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }

    /**
     * Returns a context without user attributes, for example before a user has chosen a username.
     *
     * @return the empty context
     */
    public static PasswordContext none() {
        return NONE;
    }

    /**
     * Returns a context with a username and email address and no names.
     *
     * @param username the login name, or {@code ""}
     * @param email the email address, or {@code ""}
     * @return the context
     */
    public static PasswordContext of(String username, String email) {
        return new PasswordContext(username, email, "", "");
    }

    /**
     * Returns a context with every attribute.
     *
     * @param username the login name, or {@code ""}
     * @param email the email address, or {@code ""}
     * @param firstName the given name, or {@code ""}
     * @param lastName the family name, or {@code ""}
     * @return the context
     */
    public static PasswordContext of(String username, String email, String firstName, String lastName) {
        return new PasswordContext(username, email, firstName, lastName);
    }

    /** Returns the attributes in Django's default order, each with its English and Korean name. */
    List<Map.Entry<String, Attribute>> attributes() {
        return List.of(
                Map.entry(username, Attribute.USERNAME),
                Map.entry(firstName, Attribute.FIRST_NAME),
                Map.entry(lastName, Attribute.LAST_NAME),
                Map.entry(email, Attribute.EMAIL));
    }

    /** The attributes compared, with their names for messages. */
    enum Attribute {
        // Korean names carry their particle: 과 after a final consonant, 와 after a vowel.
        USERNAME("username", "사용자 이름과"),
        FIRST_NAME("first name", "이름과"),
        LAST_NAME("last name", "성과"),
        EMAIL("email address", "이메일 주소와");

        final String english;
        final String korean;

        Attribute(String english, String korean) {
            this.english = english;
            this.korean = korean;
        }
    }

    @Override
    public String toString() {
        return "PasswordContext[attributes hidden]";
    }
}
