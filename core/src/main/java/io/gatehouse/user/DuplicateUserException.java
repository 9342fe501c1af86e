package io.gatehouse.user;

import io.gatehouse.GatehouseException;
import java.util.Objects;

/**
 * A user could not be stored because another already has the same username or email (compared on their
 * canonical forms). Stores raise it from the uniqueness check they make atomically, so of many concurrent
 * sign-ups with one address exactly one succeeds.
 */
public final class DuplicateUserException extends GatehouseException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field {@code "username"} or {@code "email"}: the value that is taken
     */
    public DuplicateUserException(String field) {
        super("A user with this " + Objects.requireNonNull(field, "field") + " already exists.");
        this.field = field;
    }

    /**
     * Which value is taken.
     *
     * @return {@code "username"} or {@code "email"}
     */
    public String field() {
        return field;
    }
}
