package io.gatehouse.user;

import io.gatehouse.InvalidInputException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules for usernames: NFKC-normalised, 1 to {@value #MAX_LENGTH} code points of letters, digits and
 * {@code . @ + - _} (Django's {@code UnicodeUsernameValidator}), compared case-insensitively.
 *
 * <p>Thread-safe; all methods are static and pure.
 */
public final class Username {
    /** The longest username, in code points after normalisation. */
    public static final int MAX_LENGTH = 150;
    /** {@link #isAllowedSlow} for each ASCII character, computed from it so the two cannot disagree. */
    private static final boolean[] ASCII_ALLOWED = new boolean[128];

    static {
        for (int c = 0; c < ASCII_ALLOWED.length; c++) {
            ASCII_ALLOWED[c] = isAllowedSlow(c);
        }
    }

    private Username() {
    }

    /**
     * Validates a username as typed and returns its stored form (NFKC, case kept).
     *
     * @param raw the username as entered
     * @return the normalised username
     * @throws InvalidInputException naming {@code username} when it is blank, too long or holds a character
     *     outside the allowed set
     */
    public static String normalize(String raw) {
        Objects.requireNonNull(raw, "username");
        // Bound the work before normalising: NFKC can expand a character, never shrink past this bound.
        if (raw.length() > MAX_LENGTH * 4) {
            throw tooLong();
        }
        // Every ASCII string is already in NFKC (no ASCII character decomposes or composes with another), and
        // stores hand every stored username back through here, so skip the normaliser for the common case.
        String normalized = Canonical.isAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        if (normalized.isEmpty()) {
            throw new InvalidInputException("username", "username_blank", "The username must not be blank.");
        }
        // A string never has more code points than chars, so only a long one needs counting.
        if (normalized.length() > MAX_LENGTH && normalized.codePointCount(0, normalized.length()) > MAX_LENGTH) {
            throw tooLong();
        }
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            if (!isAllowed(cp)) {
                throw new InvalidInputException("username", "username_invalid_character",
                        "The username may contain only letters, digits and the characters . @ + - _ ; "
                                + "found U+" + String.format(Locale.ROOT, "%04X", cp) + ".");
            }
            i += Character.charCount(cp);
        }
        return normalized;
    }

    /**
     * The form two usernames are compared by: normalised, then case-folded code point by code point and
     * normalised again, until stable; so {@code "İstanbul"}, {@code "ISTANBUL"} and {@code "istanbul"} share
     * one key, as do {@code "ΟΔΟΣ"} and {@code "οδος"}. The key is itself a valid username. Idempotent: {@code canonical(canonical(x)).equals(canonical(x))}.
     *
     * @param raw a username in any form
     * @return its canonical key
     * @throws InvalidInputException naming {@code username} when the username breaks a rule
     */
    public static String canonical(String raw) {
        return Canonical.fold(normalize(raw));
    }

    /**
     * The key a store looks a username up by, or empty for a string no stored username can have: a login form
     * must find nothing for such input, not fail on it.
     *
     * @param raw a username in any form, as typed
     * @return {@link #canonical(String)} of it, or empty when it breaks a rule
     */
    public static Optional<String> lookupKey(String raw) {
        Objects.requireNonNull(raw, "username");
        try {
            return Optional.of(canonical(raw));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static boolean isAllowed(int cp) {
        return cp < 128 ? ASCII_ALLOWED[cp] : isAllowedSlow(cp);
    }

    private static boolean isAllowedSlow(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '.' || cp == '@' || cp == '+' || cp == '-' || cp == '_';
    }

    private static InvalidInputException tooLong() {
        return new InvalidInputException("username", "username_too_long",
                "The username must be at most " + MAX_LENGTH + " characters long.");
    }
}
