package io.gatehouse.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThrottlePolicyTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private final ThrottlePolicy defaults = ThrottlePolicy.defaults();

    @Test
    void defaultsAreFivePerAccountFiftyPerAddressWithinFifteenMinutesThenOneMinuteUpToOneHour() {
        assertThat(defaults).isEqualTo(new ThrottlePolicy(5, 50, Duration.ofMinutes(15), MINUTE, HOUR));
    }

    @Test
    void lockoutForWhenBelowTheLimitThenZero() {
        assertThat(defaults.lockoutFor(0, 5)).isZero();
        assertThat(defaults.lockoutFor(4, 5)).isZero();
        assertThat(defaults.lockoutFor(49, 50)).isZero();
    }

    @ParameterizedTest(name = "{0} failures -> {1} minutes")
    @CsvSource({"5, 1", "6, 2", "7, 4", "8, 8", "9, 16", "10, 32", "11, 60", "12, 60", "40, 60"})
    void lockoutForStartsAtBaseAtTheLimitAndDoublesUpToTheCap(int failures, long minutes) {
        assertThat(defaults.lockoutFor(failures, 5)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void lockoutForAppliesTheLimitItIsGiven() {
        assertThat(defaults.lockoutFor(5, 50)).isZero();
        assertThat(defaults.lockoutFor(50, 50)).isEqualTo(MINUTE);
        assertThat(defaults.lockoutFor(51, 50)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void lockoutForWhenCountIsHugeThenCappedWithoutOverflow() {
        assertThat(defaults.lockoutFor(Integer.MAX_VALUE, 5)).isEqualTo(HOUR);
        assertThat(defaults.lockoutFor(Integer.MAX_VALUE, 1)).isEqualTo(HOUR);
        assertThat(defaults.lockoutFor(36, 5)).isEqualTo(HOUR);
    }

    @Test
    void lockoutForWhenCapIsVeryLongThenDoublingStopsBeforeOverflowing() {
        ThrottlePolicy longCap = new ThrottlePolicy(1, 1, MINUTE, Duration.ofSeconds(1), Duration.ofDays(365_000));

        assertThat(longCap.lockoutFor(Integer.MAX_VALUE, 1)).isEqualTo(Duration.ofSeconds(1L << 30));
    }

    @Test
    void baseEqualToCapIsAllowedAndNeverGrows() {
        ThrottlePolicy flat = new ThrottlePolicy(3, 3, MINUTE, MINUTE, MINUTE);

        assertThat(flat.lockoutFor(3, 3)).isEqualTo(MINUTE);
        assertThat(flat.lockoutFor(10, 3)).isEqualTo(MINUTE);
    }

    @Test
    void maxFailuresBelowOneAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new ThrottlePolicy(0, 50, MINUTE, MINUTE, HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxFailuresPerAccount must be at least 1, was 0.");
        assertThatThrownBy(() -> new ThrottlePolicy(5, -1, MINUTE, MINUTE, HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxFailuresPerAddress must be at least 1, was -1.");
    }

    @Test
    void durationsThatAreNotPositiveAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new ThrottlePolicy(5, 50, Duration.ZERO, MINUTE, HOUR))
                .hasMessageStartingWith("forgetAfter must be positive");
        assertThatThrownBy(() -> new ThrottlePolicy(5, 50, MINUTE, MINUTE.negated(), HOUR))
                .hasMessageStartingWith("baseLockout must be positive");
        assertThatThrownBy(() -> new ThrottlePolicy(5, 50, MINUTE, MINUTE, Duration.ZERO))
                .hasMessageStartingWith("maxLockout must be positive");
    }

    @Test
    void nullDurationsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new ThrottlePolicy(5, 50, null, MINUTE, HOUR))
                .isInstanceOf(NullPointerException.class).hasMessage("forgetAfter");
        assertThatThrownBy(() -> new ThrottlePolicy(5, 50, MINUTE, null, HOUR)).hasMessage("baseLockout");
        assertThatThrownBy(() -> new ThrottlePolicy(5, 50, MINUTE, MINUTE, null)).hasMessage("maxLockout");
    }

    @Test
    void capShorterThanBaseIsRefusedNamingBoth() {
        assertThatThrownBy(() -> new ThrottlePolicy(5, 50, MINUTE, HOUR, MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLockout must not be shorter than baseLockout.");
    }
}
