package io.gatehouse.outbox;

/**
 * What one {@link OutboxWorker} run did with the messages it claimed. Every claimed message is counted once.
 *
 * @param sent messages the mailer accepted
 * @param retried messages that failed this time and are due again later
 * @param failed messages given up on: rejected for good, or out of attempts
 */
public record DeliveryReport(int sent, int retried, int failed) {
    /** Nothing claimed. */
    static final DeliveryReport NONE = new DeliveryReport(0, 0, 0);

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public DeliveryReport {
        if (sent < 0 || retried < 0 || failed < 0) {
            throw new IllegalArgumentException("Counts must not be negative, were sent=" + sent + ", retried="
                    + retried + ", failed=" + failed + ".");
        }
    }

    /**
     * How many messages the run claimed.
     *
     * @return {@code sent + retried + failed}
     */
    public int total() {
        return sent + retried + failed;
    }

    /**
     * The sum of two reports, for runs of several batches.
     *
     * @param other another report
     * @return a report with the counts added
     */
    public DeliveryReport plus(DeliveryReport other) {
        return new DeliveryReport(sent + other.sent, retried + other.retried, failed + other.failed);
    }
}
