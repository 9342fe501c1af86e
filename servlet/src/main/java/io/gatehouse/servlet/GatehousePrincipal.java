package io.gatehouse.servlet;

import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import java.security.Principal;
import java.util.Objects;

/**
 * What {@code request.getUserPrincipal()} returns for a logged-in request: the user's username as the name,
 * and the Gatehouse {@link Subject} (user plus permissions) for code that wants more than the servlet API.
 *
 * <pre>{@code
 * if (request.getUserPrincipal() instanceof GatehousePrincipal p) {
 *     long userId = p.user().id();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the username and id only.
 *
 * @param subject the logged-in subject
 */
public record GatehousePrincipal(Subject subject) implements Principal {
    /**
     * Checks the subject is logged in.
     *
     * @throws IllegalArgumentException when it is anonymous
     */
    public GatehousePrincipal {
        Objects.requireNonNull(subject, "subject");
        if (!subject.isAuthenticated()) {
            throw new IllegalArgumentException("subject must be logged in; anonymous requests have no principal.");
        }
    }

    /**
     * The logged-in user.
     *
     * @return the user as loaded for this request
     */
    public User user() {
        return subject.user().orElseThrow();
    }

    /**
     * The username, as {@code request.getRemoteUser()} also answers.
     *
     * @return the username
     */
    @Override
    public String getName() {
        return user().username();
    }

    @Override
    public String toString() {
        return "GatehousePrincipal[" + getName() + ", id=" + user().id() + "]";
    }
}
