package io.gatehouse.smtp;

import java.util.Objects;

/**
 * What {@link SmtpMailer#sendTestMail(String)} found: whether the settings work end to end, and what the server
 * said.
 *
 * @param ok true when the server accepted the test mail
 * @param summary a sentence for a person: what was checked and what happened, or what failed and how to fix it;
 *     never the password
 * @param serverReply the server's last reply, e.g. {@code 250 2.0.0 OK} or {@code 535 5.7.8 Username and Password
 *     not accepted}; empty when no reply came (nothing listening, timeout)
 * @param encrypted true when the connection used TLS (SSL, or STARTTLS)
 * @param messageId the Message-ID of the test mail, to find it in the recipient's mailbox
 */
public record SmtpTestResult(boolean ok, String summary, String serverReply, boolean encrypted, String messageId) {
    /**
     * Creates a result.
     *
     * @throws NullPointerException when a component is null
     */
    public SmtpTestResult {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(serverReply, "serverReply");
        Objects.requireNonNull(messageId, "messageId");
    }
}
