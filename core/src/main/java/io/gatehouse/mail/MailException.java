package io.gatehouse.mail;

import io.gatehouse.GatehouseException;
import org.jspecify.annotations.Nullable;

/**
 * A mailer cannot send anything: the server cannot be reached, authentication failed, the mail folder cannot
 * be written. Problems with one message are {@link SendOutcome}s, not this exception. {@link #isTransient()}
 * tells whether a retry later may succeed (connection refused, timeout) or the configuration must change
 * first (wrong password, TLS required).
 *
 * <p>Security note: the message names the host, port and user, never the password.
 */
public class MailException extends GatehouseException {
    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    /**
     * Creates a mail failure.
     *
     * @param message what failed and how to fix it, e.g. "Authentication to smtp.gmail.com:587 as
     *     a@gmail.com failed; with two-factor authentication on, use an app password."
     * @param transientFailure whether a retry may succeed without changing the configuration
     * @param cause the underlying failure, or {@code null}
     */
    public MailException(String message, boolean transientFailure, @Nullable Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /**
     * Tells whether retrying later may succeed.
     *
     * @return true for failures such as a refused connection or a timeout
     */
    public boolean isTransient() {
        return transientFailure;
    }
}
