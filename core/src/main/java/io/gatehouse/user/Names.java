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
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidInputException(field, field + "_too_long",
                    "The " + field + " must be at most " + MAX_LENGTH + " characters long.");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, field + "_invalid_character",
                    "The " + field + " must not contain control characters such as line breaks.");
        }
        return value;
    }
}
