package io.gatehouse.servlet;

/**
 * A state-changing helper ({@link ServletAuth#login}, {@link ServletAuth#logout},
 * {@link ServletAuth#changePassword}) was called for a request without a valid CSRF token. Nothing was changed.
 * The authentication filter turns it into a 403, as a CSRF filter in front would have.
 *
 * <p>Security note: the message names the operation only, never the token.
 */
public final class CsrfRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation the helper that refused, e.g. {@code login}
     */
    public CsrfRejectedException(String operation) {
        super("The " + operation + " request carries no valid CSRF token; nothing was changed. Put "
                + "ServletAuth.csrfToken(...) in the form's " + ServletAuth.CSRF_FIELD + " field.");
    }
}
