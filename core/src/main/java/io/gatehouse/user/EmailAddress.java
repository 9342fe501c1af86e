package io.gatehouse.user;

import io.gatehouse.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules for email addresses: at most {@value #MAX_LENGTH} characters, a dot-atom local part of at most
 * 64 characters, and a domain of letter/digit/hyphen labels with at least one dot (or {@code localhost}).
 * Quoted local parts, IP literals and comments are refused. Non-ASCII letters are allowed (SMTPUTF8, IDN).
 * Two addresses are the same account when their {@link #canonical(String) canonical} forms are equal.
 *
 * <p>Thread-safe; all methods are static and pure.
 */
public final class EmailAddress {
    /** The longest address, in characters (RFC 5321 path limit less the brackets). */
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";
    private static final String LOCALHOST = "localhost";
    /** For each ASCII character, whether a local part may hold it: a dot, a letter or digit, or an atext special. */
    private static final boolean[] LOCAL_ASCII = new boolean[128];
    /** For each ASCII character, whether a domain label may hold it: a hyphen, a letter or a digit. */
    private static final boolean[] DOMAIN_ASCII = new boolean[128];

    static {
        for (int cp = 0; cp < 128; cp++) {
            LOCAL_ASCII[cp] = cp == '.' || Character.isLetterOrDigit(cp) || ATEXT_SPECIALS.indexOf(cp) >= 0;
            DOMAIN_ASCII[cp] = cp == '-' || Character.isLetterOrDigit(cp);
        }
    }

    private EmailAddress() {
    }

    /**
     * Checks an address and returns it unchanged.
     *
     * @param raw the address as entered
     * @return {@code raw}
     * @throws InvalidInputException naming {@code email} when the address is blank, too long or malformed
     */
    public static String validate(String raw) {
        return validate(raw, "email");
    }

    /**
     * Checks an address held in a field of another name (for example {@code "to"} in a mail header).
     *
     * @param raw the address
     * @param field the field name to report
     * @return {@code raw}
     * @throws InvalidInputException naming {@code field} when the address is malformed
     */
    public static String validate(String raw, String field) {
        Objects.requireNonNull(raw, field);
        if (raw.isEmpty()) {
            throw new InvalidInputException(field, "email_blank", "The " + field + " address must not be blank.");
        }
        checkShape(raw, field);
        // The canonical form must itself be a valid address, or canonical() would not be idempotent and a
        // store could not look an address up by its own key: NFKC can expand a ligature past the length
        // limits or split a letter into a letter and a combining mark.
        String folded = Canonical.fold(raw);
        if (!folded.equals(raw)) {
            checkShape(folded, field);
        }
        return raw;
    }

    // Stores run this for every row they read, so it scans index ranges of raw instead of taking substrings,
    // splitting on dots or streaming code points; what it accepts and the error it reports first are as they
    // were.
    private static void checkShape(String raw, String field) {
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "email_too_long",
                    "The " + field + " address must be at most " + MAX_LENGTH + " characters long.");
        }
        int at = raw.lastIndexOf('@');
        if (at <= 0 || at == raw.length() - 1 || raw.indexOf('@') != at) {
            throw malformed(field, "it must have the form name@example.com");
        }
        if (at > MAX_LOCAL_LENGTH) {
            throw malformed(field, "the part before @ must be at most " + MAX_LOCAL_LENGTH + " characters");
        }
        checkLocal(raw, at, field);
        checkDomain(raw, at + 1, field);
    }

    /**
     * Tells whether an address passes {@link #validate(String)}.
     *
     * @param raw any string
     * @return true when it is a well-formed address
     */
    public static boolean isValid(String raw) {
        try {
            validate(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The form two addresses are compared by: case-folded and NFKC-normalised, to a fixed point. Idempotent,
     * since {@link #validate} accepts only addresses whose canonical form is valid too. Lower-casing the local part follows what users expect of every large provider,
     * although RFC 5321 lets a server treat it as case-sensitive.
     *
     * @param raw an address in any form
     * @return the canonical form
     * @throws InvalidInputException naming {@code email} when the address is malformed
     */
    public static String canonical(String raw) {
        return Canonical.fold(validate(raw));
    }

    /**
     * The key a store looks an address up by, or empty for a malformed one: a login or reset form must find
     * nothing for such input, not fail on it.
     *
     * @param raw an address in any form, as typed
     * @return {@link #canonical(String)} of it, or empty when it is malformed
     */
    public static Optional<String> lookupKey(String raw) {
        Objects.requireNonNull(raw, "email");
        try {
            return Optional.of(canonical(raw));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** Checks the local part, {@code raw[0, end)}; {@code raw.charAt(end)} is the {@code @}. */
    private static void checkLocal(String raw, int end, String field) {
        // Both rules cover the whole local part and a misplaced dot is reported before a bad character, so one
        // pass notes both and the dot rule is reported first.
        boolean badDots = raw.charAt(0) == '.' || raw.charAt(end - 1) == '.';
        boolean badCharacter = false;
        for (int i = 0; i < end; ) {
            int cp = raw.codePointAt(i);
            if (cp == '.' && i + 1 < end && raw.charAt(i + 1) == '.') {
                badDots = true;
            }
            if (!(cp < 128 ? LOCAL_ASCII[cp] : Character.isLetterOrDigit(cp))) {
                badCharacter = true;
            }
            i += Character.charCount(cp);
        }
        if (badDots) {
            throw malformed(field, "the part before @ must not start or end with a dot or hold two dots in a row");
        }
        if (badCharacter) {
            throw malformed(field, "the part before @ holds a character that is not allowed there");
        }
    }

    /** Checks the domain, {@code raw[from, raw.length())}, label by label in order. */
    private static void checkDomain(String raw, int from, String field) {
        int length = raw.length();
        // As domain.equalsIgnoreCase("localhost"), which is a length check and a case-insensitive regionMatches.
        boolean localhost = length - from == LOCALHOST.length()
                && raw.regionMatches(true, from, LOCALHOST, 0, LOCALHOST.length());
        if (raw.indexOf('.', from) < 0 && !localhost) {
            throw malformed(field, "the domain must have a dot, as in example.com");
        }
        int start = from;
        while (true) {
            int end = raw.indexOf('.', start);
            if (end < 0) {
                end = length;
            }
            checkLabel(raw, start, end, field);
            if (end == length) {
                return;
            }
            start = end + 1;
        }
    }

    /** Checks one label, {@code raw[start, end)}; the char at {@code end}, if any, is a dot. */
    private static void checkLabel(String raw, int start, int end, String field) {
        if (end == start || end - start > MAX_LABEL_LENGTH || raw.charAt(start) == '-' || raw.charAt(end - 1) == '-') {
            throw malformed(field, "each part of the domain must be 1 to 63 letters, digits or inner hyphens");
        }
        for (int i = start; i < end; ) {
            int cp = raw.codePointAt(i);
            if (!(cp < 128 ? DOMAIN_ASCII[cp] : Character.isLetterOrDigit(cp))) {
                throw malformed(field, "the domain holds a character that is not allowed there");
            }
            i += Character.charCount(cp);
        }
    }

    private static InvalidInputException malformed(String field, String why) {
        return new InvalidInputException(field, "email_invalid",
                "The " + field + " address is not valid: " + why + ".");
    }
}
