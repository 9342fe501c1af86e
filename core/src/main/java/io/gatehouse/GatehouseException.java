package io.gatehouse;

/**
 * Base of every infrastructure failure Gatehouse reports: a store that cannot be reached, a mailer that
 * refuses a message. Expected outcomes (a wrong password, an expired token) are result values, never
 * exceptions; bad arguments are {@link IllegalArgumentException}s such as {@link InvalidInputException}.
 *
 * <p>Security note: messages never contain passwords, hashes, tokens or session ids.
 */
public class GatehouseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what failed and how to fix it.
     *
     * @param message a complete sentence, free of secrets
     */
    public GatehouseException(String message) {
        super(message);
    }

    /**
     * Creates an exception that wraps its cause.
     *
     * @param message a complete sentence, free of secrets
     * @param cause the underlying failure
     */
    public GatehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
