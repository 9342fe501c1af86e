package io.gatehouse.permission;

import io.gatehouse.InvalidInputException;
import java.util.Objects;

/**
 * A named set of users that permissions can be granted to.
 *
 * @param id the store-assigned id, positive
 * @param name the unique name, 1 to {@value #MAX_LENGTH} characters without control characters
 */
public record Group(long id, String name) {
    /** The longest group name, in code points. */
    public static final int MAX_LENGTH = 150;

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException naming the field that breaks a rule
     */
    public Group {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, was " + id + ".");
        }
        checkName(name);
    }

    /**
     * Checks a group name.
     *
     * @param name the candidate name
     * @return {@code name}
     * @throws InvalidInputException naming {@code name} when it is blank, too long or holds control characters
     */
    public static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new InvalidInputException("name", "group_name_blank", "The group name must not be blank.");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new InvalidInputException("name", "group_name_too_long",
                    "The group name must be at most " + MAX_LENGTH + " characters long.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "group_name_invalid_character",
                    "The group name must not contain control characters.");
        }
        return name;
    }
}
