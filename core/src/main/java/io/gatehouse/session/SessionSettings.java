package io.gatehouse.session;

import io.gatehouse.InvalidInputException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How long sessions live and what they may hold. Start from {@link #defaults()} or {@link #builder()}:
 *
 * <pre>{@code
 * SessionSettings settings = SessionSettings.builder()
 *         .absoluteTimeout(Duration.ofDays(7))
 *         .idleTimeout(Duration.ofHours(2))
 *         .build();
 * }</pre>
 *
 * <p>Defaults: absolute timeout 14 days (Django's {@code SESSION_COOKIE_AGE}); no idle timeout; touch
 * interval 60 seconds (a session's last-seen time is written at most once per interval, not on every
 * request); at most 32 attributes, keys of 1 to 64 characters without control characters, values of at
 * most 4,096 characters; expired sessions cleared 1,000 per batch.
 *
 * <p>Immutable and thread-safe.
 */
public final class SessionSettings {
    private static final Duration MAX_TIMEOUT = Duration.ofDays(3_650);
    private static final SessionSettings DEFAULTS = builder().build();

    private final Duration absoluteTimeout;
    private final @Nullable Duration idleTimeout;
    private final Duration touchInterval;
    private final int maxAttributes;
    private final int maxKeyLength;
    private final int maxValueLength;
    private final int cleanupBatchSize;

    private SessionSettings(Builder builder) {
        absoluteTimeout = builder.absoluteTimeout;
        idleTimeout = builder.idleTimeout;
        touchInterval = builder.touchInterval;
        maxAttributes = builder.maxAttributes;
        maxKeyLength = builder.maxKeyLength;
        maxValueLength = builder.maxValueLength;
        cleanupBatchSize = builder.cleanupBatchSize;
        if (idleTimeout != null && touchInterval.compareTo(idleTimeout) >= 0) {
            // Otherwise a user clicking steadily could be logged out as idle between two writes.
            throw new IllegalArgumentException("touchInterval (" + touchInterval
                    + ") must be shorter than idleTimeout (" + idleTimeout + ").");
        }
    }

    /**
     * The default settings (see the class description).
     *
     * @return the defaults
     */
    public static SessionSettings defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How long a session lives after it starts, however active it is; also the Max-Age of a "remember me"
     * cookie.
     *
     * @return the absolute timeout
     */
    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /**
     * How long a session may go unused before it ends.
     *
     * @return the idle timeout, or empty when sessions never end for idleness
     */
    public Optional<Duration> idleTimeout() {
        return Optional.ofNullable(idleTimeout);
    }

    /**
     * The least time between two writes of a session's last-seen time.
     *
     * @return the touch interval, zero or more
     */
    public Duration touchInterval() {
        return touchInterval;
    }

    /**
     * The most attributes one session may hold.
     *
     * @return the limit
     */
    public int maxAttributes() {
        return maxAttributes;
    }

    /**
     * The longest attribute key, in characters.
     *
     * @return the limit
     */
    public int maxKeyLength() {
        return maxKeyLength;
    }

    /**
     * The longest attribute value, in characters.
     *
     * @return the limit
     */
    public int maxValueLength() {
        return maxValueLength;
    }

    /**
     * How many expired sessions one store call deletes when clearing them.
     *
     * @return the batch size
     */
    public int cleanupBatchSize() {
        return cleanupBatchSize;
    }

    /** Checks one attribute against the limits; the count is checked by the caller, who knows the map. */
    void checkAttribute(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty() || key.length() > maxKeyLength) {
            throw new InvalidInputException("key", "session_attribute_key_length",
                    "key must have 1 to " + maxKeyLength + " characters, had " + key.length() + ".");
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("key", "session_attribute_key_control",
                    "key must not contain control characters.");
        }
        if (value.length() > maxValueLength) {
            throw new InvalidInputException("value", "session_attribute_value_length",
                    "value must have at most " + maxValueLength + " characters, had " + value.length() + ".");
        }
    }

    @Override
    public String toString() {
        return "SessionSettings[absoluteTimeout=" + absoluteTimeout + ", idleTimeout=" + idleTimeout()
                + ", touchInterval=" + touchInterval + ", maxAttributes=" + maxAttributes + ", maxKeyLength="
                + maxKeyLength + ", maxValueLength=" + maxValueLength + ", cleanupBatchSize=" + cleanupBatchSize
                + "]";
    }

    /** Builds {@link SessionSettings}; each setter checks its bound. Not thread-safe. */
    public static final class Builder {
        private Duration absoluteTimeout = Duration.ofDays(14);
        private @Nullable Duration idleTimeout;
        private Duration touchInterval = Duration.ofSeconds(60);
        private int maxAttributes = 32;
        private int maxKeyLength = 64;
        private int maxValueLength = 4_096;
        private int cleanupBatchSize = 1_000;

        private Builder() {
        }

        /**
         * Sets the absolute timeout.
         *
         * @param value from one minute to ten years
         * @return this builder
         * @throws IllegalArgumentException naming {@code absoluteTimeout} when out of range
         */
        public Builder absoluteTimeout(Duration value) {
            absoluteTimeout = checkTimeout("absoluteTimeout", value);
            return this;
        }

        /**
         * Ends sessions unused for this long; off unless set.
         *
         * @param value from one minute to ten years, and longer than the touch interval
         * @return this builder
         * @throws IllegalArgumentException naming {@code idleTimeout} when out of range
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = checkTimeout("idleTimeout", value);
            return this;
        }

        /**
         * Turns the idle timeout off again.
         *
         * @return this builder
         */
        public Builder noIdleTimeout() {
            idleTimeout = null;
            return this;
        }

        /**
         * Sets the least time between two writes of the last-seen time; zero writes on every request.
         *
         * @param value from zero to one day
         * @return this builder
         * @throws IllegalArgumentException naming {@code touchInterval} when out of range
         */
        public Builder touchInterval(Duration value) {
            Objects.requireNonNull(value, "touchInterval");
            if (value.isNegative() || value.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("touchInterval must be from zero to one day, was " + value + ".");
            }
            touchInterval = value;
            return this;
        }

        /**
         * Sets the most attributes per session.
         *
         * @param value from 0 to 1,024
         * @return this builder
         */
        public Builder maxAttributes(int value) {
            maxAttributes = checkRange("maxAttributes", value, 0, 1_024);
            return this;
        }

        /**
         * Sets the longest attribute key.
         *
         * @param value from 1 to 1,024 characters
         * @return this builder
         */
        public Builder maxKeyLength(int value) {
            maxKeyLength = checkRange("maxKeyLength", value, 1, 1_024);
            return this;
        }

        /**
         * Sets the longest attribute value.
         *
         * @param value from 0 to 1,048,576 characters
         * @return this builder
         */
        public Builder maxValueLength(int value) {
            maxValueLength = checkRange("maxValueLength", value, 0, 1 << 20);
            return this;
        }

        /**
         * Sets how many expired sessions one store call deletes.
         *
         * @param value from 1 to 100,000
         * @return this builder
         */
        public Builder cleanupBatchSize(int value) {
            cleanupBatchSize = checkRange("cleanupBatchSize", value, 1, 100_000);
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException when the touch interval is not shorter than the idle timeout
         */
        public SessionSettings build() {
            return new SessionSettings(this);
        }

        private static Duration checkTimeout(String field, Duration value) {
            Objects.requireNonNull(value, field);
            if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException(field + " must be from one minute to ten years, was " + value + ".");
            }
            return value;
        }

        private static int checkRange(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        field + " must be from " + min + " to " + max + ", was " + value + ".");
            }
            return value;
        }
    }
}
