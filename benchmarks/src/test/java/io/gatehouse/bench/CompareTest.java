package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompareTest {

    @Test
    void noArgumentsRunsEveryRowWithItsOwnSettings() {
        Compare.Arguments args = Compare.Arguments.parse();

        assertThat(args.quick()).isFalse();
        assertThat(args.rows()).containsExactly(Row.values());
        assertThat(args.jmh()).isEmpty();
    }

    @Test
    void rowsQuickAndJmhOptionsAreSplitAtTheDoubleDash() {
        Compare.Arguments args = Compare.Arguments.parse("--quick", "bcrypt", "token", "--", "-prof", "gc", "-f", "1");

        assertThat(args.quick()).isTrue();
        assertThat(args.rows()).containsExactly(Row.BCRYPT, Row.TOKEN);
        assertThat(args.jmh()).containsExactly("-prof", "gc", "-f", "1");
    }

    @Test
    void unknownRowIsRefusedWithTheListOfRows() {
        assertThatThrownBy(() -> Compare.Arguments.parse("argon2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"argon2\"").hasMessageContaining("token")
                .hasMessageContaining("JMH options go after --");
    }

    @Test
    void machineLineNamesCoresCpuAndJdk() {
        assertThat(Compare.machine()).startsWith("Machine: nproc=" + Runtime.getRuntime().availableProcessors())
                .contains("CPU=").contains("JDK=" + System.getProperty("java.vm.name"));
    }

    @Test
    void numbersAreGroupedWhenLargeAndUnknownErrorsSaySo() {
        assertThat(Compare.number(312_456.7)).isEqualTo("312,457");
        assertThat(Compare.number(0.15873)).isEqualTo("0.159");
        assertThat(Compare.number(Double.NaN)).isEqualTo("n/a");
    }
}
