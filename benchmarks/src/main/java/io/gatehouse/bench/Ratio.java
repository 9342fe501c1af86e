package io.gatehouse.bench;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;

/**
 * How much faster Gatehouse is than a peer, with the interval that both JMH error bars allow at their worst.
 *
 * @param value Gatehouse's speed divided by the peer's
 * @param low the ratio with Gatehouse at its slowest and the peer at its fastest, or NaN when an error is unknown
 * @param high the ratio the other way round, or NaN
 */
record Ratio(double value, double low, double high) {

    /**
     * The ratio of two results of the same mode; empty when either is missing.
     *
     * @param gatehouse Gatehouse's result
     * @param peer the peer's result
     * @param mode the benchmark mode: throughput-like modes are speeds, time modes are inverted
     */
    static Optional<Ratio> of(@Nullable Result<?> gatehouse, @Nullable Result<?> peer, @Nullable Mode mode) {
        if (gatehouse == null || peer == null || mode == null) {
            return Optional.empty();
        }
        return Optional.of(of(gatehouse.getScore(), gatehouse.getScoreError(), peer.getScore(), peer.getScoreError(),
                mode == Mode.Throughput));
    }

    /**
     * The ratio of two scores with their errors.
     *
     * @param g Gatehouse's score
     * @param ge its error (half-width)
     * @param p the peer's score
     * @param pe its error
     * @param higherIsFaster true for ops/time, false for time/op
     * @return the ratio, above 1 when Gatehouse is faster
     */
    static Ratio of(double g, double ge, double p, double pe, boolean higherIsFaster) {
        double fast = higherIsFaster ? g : p;
        double fastError = higherIsFaster ? ge : pe;
        double slow = higherIsFaster ? p : g;
        double slowError = higherIsFaster ? pe : ge;
        // An error bar wider than its score reaches zero: the ratio is then unbounded on that side.
        double low = Math.max(fast - fastError, 0) / (slow + slowError);
        double high = slow - slowError > 0 ? (fast + fastError) / (slow - slowError) : Double.POSITIVE_INFINITY;
        return new Ratio(fast / slow, low, high);
    }

    @Override
    public String toString() {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return String.format(Locale.ROOT, "%.2f× (error unknown)", value);
        }
        String upper = Double.isInfinite(high) ? "∞" : String.format(Locale.ROOT, "%.2f", high);
        return String.format(Locale.ROOT, "%.2f× (%.2f–%s)", value, low, upper);
    }
}
