package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void throughputRatioIsGatehouseOverPeer() {
        Ratio ratio = Ratio.of(300, 30, 600, 60, true);

        assertThat(ratio.value()).isCloseTo(0.5, within(1e-9));
        assertThat(ratio.low()).isCloseTo(270.0 / 660, within(1e-9));
        assertThat(ratio.high()).isCloseTo(330.0 / 540, within(1e-9));
        assertThat(ratio).hasToString("0.50× (0.41–0.61)");
    }

    @Test
    void timeRatioIsPeerOverGatehouseSoAboveOneStillMeansFaster() {
        Ratio ratio = Ratio.of(100, 10, 150, 15, false);

        assertThat(ratio.value()).isCloseTo(1.5, within(1e-9));
        assertThat(ratio.low()).isCloseTo(135.0 / 110, within(1e-9));
        assertThat(ratio.high()).isCloseTo(165.0 / 90, within(1e-9));
    }

    @Test
    void errorWiderThanTheScoreGivesAnOpenInterval() {
        Ratio ratio = Ratio.of(100, 150, 400, 500, true);

        assertThat(ratio.low()).isZero();
        assertThat(ratio.high()).isInfinite();
        assertThat(ratio).hasToString("0.25× (0.00–∞)");
    }

    @Test
    void unknownErrorIsSaidNotHidden() {
        assertThat(Ratio.of(2, Double.NaN, 1, 0.1, true)).hasToString("2.00× (error unknown)");
    }
}
