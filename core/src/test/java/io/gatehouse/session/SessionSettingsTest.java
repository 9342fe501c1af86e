package io.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {
    @Test
    void defaultsFollowDjango() {
        SessionSettings defaults = SessionSettings.defaults();

        assertThat(defaults.absoluteTimeout()).isEqualTo(Duration.ofDays(14));
        assertThat(defaults.idleTimeout()).isEmpty();
        assertThat(defaults.touchInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.maxAttributes()).isEqualTo(32);
        assertThat(defaults.maxKeyLength()).isEqualTo(64);
        assertThat(defaults.maxValueLength()).isEqualTo(4_096);
        assertThat(defaults.cleanupBatchSize()).isEqualTo(1_000);
    }

    @Test
    void idleTimeoutCanBeSetAndTurnedOff() {
        assertThat(SessionSettings.builder().idleTimeout(Duration.ofHours(2)).build().idleTimeout())
                .contains(Duration.ofHours(2));
        assertThat(SessionSettings.builder().idleTimeout(Duration.ofHours(2)).noIdleTimeout().build().idleTimeout())
                .isEmpty();
    }

    @Test
    void timeoutsOutsideBoundsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> SessionSettings.builder().absoluteTimeout(Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("absoluteTimeout must be");
        assertThatThrownBy(() -> SessionSettings.builder().idleTimeout(Duration.ZERO))
                .hasMessageStartingWith("idleTimeout must be");
        assertThatThrownBy(() -> SessionSettings.builder().touchInterval(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("touchInterval must be");
        assertThatThrownBy(() -> SessionSettings.builder().maxAttributes(-1)).hasMessageStartingWith("maxAttributes");
        assertThatThrownBy(() -> SessionSettings.builder().maxKeyLength(0)).hasMessageStartingWith("maxKeyLength");
        assertThatThrownBy(() -> SessionSettings.builder().cleanupBatchSize(0))
                .hasMessageStartingWith("cleanupBatchSize");
        assertThat(SessionSettings.builder().absoluteTimeout(Duration.ofMinutes(1)).build().absoluteTimeout())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void touchIntervalMustBeShorterThanIdleTimeout() {
        assertThatThrownBy(() -> SessionSettings.builder().idleTimeout(Duration.ofMinutes(1))
                .touchInterval(Duration.ofMinutes(1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("touchInterval (PT1M) must be shorter than idleTimeout (PT1M).");
    }

    @Test
    void checkAttributeEnforcesKeyAndValueLimitsAtTheBoundary() {
        SessionSettings settings = SessionSettings.defaults();
        settings.checkAttribute("k".repeat(64), "v".repeat(4_096));

        assertThatThrownBy(() -> settings.checkAttribute("k".repeat(65), "v"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("key"));
        assertThatThrownBy(() -> settings.checkAttribute("", "v"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("key"));
        assertThatThrownBy(() -> settings.checkAttribute("a\r\nSet-Cookie", "v"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("session_attribute_key_control"));
        assertThatThrownBy(() -> settings.checkAttribute("k", "v".repeat(4_097)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("value"));
    }
}
