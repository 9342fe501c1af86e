package io.gatehouse.user;

import io.gatehouse.InvalidInputException;
import java.util.Objects;

/** Checks for the free-text name fields (first and last name). */
final class Names {
    static final int MAX_LENGTH = 150;

    private Names() {
    }

    static String check(String value, String field) {
        Objects.requireNonNull(value, field);
        // A string never has more code points than chars, so only a long one needs counting.
        if (value.length() > MAX_LENGTH && value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidInputException(field, field + "_too_long",
                    "The " + field + " must be at most " + MAX_LENGTH + " characters long.");
        }
        if (hasControl(value)) {
            throw new InvalidInputException(field, field + "_invalid_character",
                    "The " + field + " must not contain control characters such as line breaks.");
        }
        return value;
    }

    // Control characters (U+0000-U+001F, U+007F-U+009F) are all in the BMP and none is a surrogate, so checking
    // chars finds one exactly when checking code points would.
    private static boolean hasControl(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
