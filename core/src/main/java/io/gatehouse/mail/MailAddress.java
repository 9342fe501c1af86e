package io.gatehouse.mail;

import io.gatehouse.InvalidInputException;
import io.gatehouse.user.EmailAddress;
import java.util.Objects;

/**
 * A mailbox: an address with an optional display name, as in {@code Gatehouse <no-reply@example.com>}.
 * The address follows {@link EmailAddress#validate(String, String)}; the display name is stripped of
 * surrounding blanks, is empty when there is none, and may hold any Unicode text except the characters that
 * could end a header line (see {@link EmailMessage}).
 *
 * <pre>{@code
 * MailAddress from = MailAddress.parse("Gatehouse <no-reply@example.com>");
 * MailAddress to = MailAddress.of("minsu@example.kr", "김민수");
 * }</pre>
 *
 * @param address the address, e.g. {@code no-reply@example.com}
 * @param displayName the display name, or the empty string when there is none
 */
public record MailAddress(String address, String displayName) {
    /** The longest display name, in characters. */
    public static final int MAX_DISPLAY_NAME_LENGTH = 256;

    /**
     * Creates a mailbox.
     *
     * @throws InvalidInputException naming {@code address} when the address is malformed or either part holds
     *     a line break or another control character, or the display name is too long
     */
    public MailAddress {
        Objects.requireNonNull(address, "address");
        displayName = Objects.requireNonNull(displayName, "displayName").strip();
        validate(address, displayName, "address");
    }

    /**
     * A mailbox without a display name.
     *
     * @param address the address
     * @return the mailbox
     * @throws InvalidInputException naming {@code address} when the address is malformed
     */
    public static MailAddress of(String address) {
        return new MailAddress(address, "");
    }

    /**
     * A mailbox with a display name.
     *
     * @param address the address
     * @param displayName the display name, or the empty string
     * @return the mailbox
     * @throws InvalidInputException naming {@code address} when either part breaks a rule
     */
    public static MailAddress of(String address, String displayName) {
        return new MailAddress(address, displayName);
    }

    /**
     * Reads {@code a@example.com}, {@code Name <a@example.com>} or {@code "Kim, Minsu" <a@example.com>}.
     * Encoded-words and comments are not decoded; pass a display name with Unicode text as it is.
     *
     * @param text the mailbox as written
     * @return the mailbox
     * @throws InvalidInputException naming {@code address} when the text is not a mailbox
     */
    public static MailAddress parse(String text) {
        return parse(text, "address");
    }

    static MailAddress parse(String text, String field) {
        Objects.requireNonNull(text, field);
        HeaderText.check(text, field, "address");
        String trimmed = text.strip();
        if (!trimmed.endsWith(">")) {
            validate(trimmed, "", field);
            return new MailAddress(trimmed, "");
        }
        int open = trimmed.lastIndexOf('<');
        if (open < 0) {
            throw new InvalidInputException(field, "email_invalid", "The " + field
                    + " address is not valid: a closing > needs an opening <, as in Name <name@example.com>.");
        }
        String address = trimmed.substring(open + 1, trimmed.length() - 1).strip();
        String name = unquote(trimmed.substring(0, open).strip());
        validate(address, name, field);
        return new MailAddress(address, name);
    }

    private static String unquote(String name) {
        if (name.length() < 2 || !name.startsWith("\"") || !name.endsWith("\"")) {
            return name;
        }
        return name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1");
    }

    private static void validate(String address, String displayName, String field) {
        HeaderText.check(displayName, field, "display name");
        if (displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new InvalidInputException(field, "display_name_too_long", "The display name of " + field
                    + " must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters long.");
        }
        HeaderText.check(address, field, "address");
        EmailAddress.validate(address, field);
    }

    /**
     * Tells whether this mailbox has a display name.
     *
     * @return true when {@link #displayName()} is not empty
     */
    public boolean hasDisplayName() {
        return !displayName.isEmpty();
    }

    /**
     * The mailbox as a person would write it (not encoded for a header).
     *
     * @return e.g. {@code "Gatehouse" <no-reply@example.com>} or {@code no-reply@example.com}
     */
    @Override
    public String toString() {
        if (displayName.isEmpty()) {
            return address;
        }
        return '"' + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + address + '>';
    }
}
