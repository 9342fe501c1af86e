package io.gatehouse.smtp;

/**
 * How the connection to the SMTP server is protected.
 */
public enum SmtpSecurity {
    /**
     * Plaintext, for a relay on the same machine or a test server only: the password and every message cross
     * the network readable. Default port 25.
     */
    NONE(25),
    /**
     * Connect in plaintext, then upgrade with the STARTTLS command before authenticating (submission, RFC 6409).
     * Required: a server that does not offer STARTTLS is refused, never used in plaintext. Default port 587.
     */
    STARTTLS(587),
    /** TLS from the first byte ("implicit TLS", RFC 8314). Default port 465. */
    SSL(465);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /**
     * The port used when the settings name none.
     *
     * @return 25, 587 or 465
     */
    public int defaultPort() {
        return defaultPort;
    }
}
