package io.gatehouse.mail;

import java.util.Objects;

/**
 * What happened to one message handed to a {@link Mailer}.
 *
 * @param messageId the message's {@link EmailMessage#messageId()}
 * @param status sent, rejected for good, or worth retrying
 * @param detail a human-readable account, such as the server's reply ({@code 250 2.0.0 OK},
 *     {@code 550 5.1.1 No such user}); never a password or a body
 */
public record SendOutcome(String messageId, Status status, String detail) {
    /** The fate of a message. */
    public enum Status {
        /** The backend accepted the message for delivery (an SMTP server answered 250). */
        SENT,
        /** Refused for good, e.g. a 5xx reply or a refused recipient: sending it again will fail again. */
        REJECTED,
        /** Not sent this time, e.g. a 4xx reply or a dropped connection: retry later. */
        FAILED_TRANSIENT
    }

    /**
     * Creates an outcome.
     *
     * @throws NullPointerException when a component is null
     */
    public SendOutcome {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * A message accepted for delivery.
     *
     * @param message the message
     * @param detail e.g. the server's reply
     * @return the outcome
     */
    public static SendOutcome sent(EmailMessage message, String detail) {
        return new SendOutcome(message.messageId(), Status.SENT, detail);
    }

    /**
     * A message refused for good.
     *
     * @param message the message
     * @param detail e.g. the server's reply
     * @return the outcome
     */
    public static SendOutcome rejected(EmailMessage message, String detail) {
        return new SendOutcome(message.messageId(), Status.REJECTED, detail);
    }

    /**
     * A message worth sending again later.
     *
     * @param message the message
     * @param detail e.g. the server's reply or the connection error
     * @return the outcome
     */
    public static SendOutcome failedTransient(EmailMessage message, String detail) {
        return new SendOutcome(message.messageId(), Status.FAILED_TRANSIENT, detail);
    }

    /**
     * Tells whether the message was accepted.
     *
     * @return true for {@link Status#SENT}
     */
    public boolean isSent() {
        return status == Status.SENT;
    }
}
