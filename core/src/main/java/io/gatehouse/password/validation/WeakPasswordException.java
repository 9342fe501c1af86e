package io.gatehouse.password.validation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link PasswordPolicy#enforce} when a password breaks one or more rules.
 *
 * <p>{@link #violations()} lists every broken rule, for showing all problems at once. The message joins the
 * English messages. Security note: neither the message nor any violation contains the password.
 */
public final class WeakPasswordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The broken rules; an array rather than a List so the exception stays serializable without warnings. */
    private final PasswordViolation[] violations;

    WeakPasswordException(List<PasswordViolation> violations) {
        super("password is too weak: " + violations.stream()
                .map(PasswordViolation::english).collect(Collectors.joining(" ")));
        this.violations = violations.toArray(PasswordViolation[]::new);
    }

    /**
     * Returns the name of the offending field, for forms and API error bodies.
     *
     * @return always {@code "password"}
     */
    public String field() {
        return "password";
    }

    /**
     * Returns every broken rule, in policy order.
     *
     * @return the violations, never empty
     */
    public List<PasswordViolation> violations() {
        return List.copyOf(Arrays.asList(violations));
    }
}
