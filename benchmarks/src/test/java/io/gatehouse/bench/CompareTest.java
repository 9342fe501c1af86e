package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

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
    void rowSettingsApplyUnlessJmhOptionsOverrideThem() throws CommandLineOptionException {
        Options defaults = Compare.options(Row.BCRYPT, Compare.Arguments.parse("bcrypt"), Path.of("out")).build();
        Options overridden = Compare.options(Row.BCRYPT,
                Compare.Arguments.parse("bcrypt", "--", "-f", "1", "-r", "2s"), Path.of("out")).build();

        assertThat(defaults.getForkCount().get()).isEqualTo(Row.Settings.slow().forks());
        assertThat(defaults.getMeasurementTime().get()).isEqualTo(Row.Settings.slow().iterationTime());
        assertThat(defaults.getIncludes()).containsExactly(Row.BCRYPT.include());
        assertThat(defaults.getResult().get()).isEqualTo(Path.of("out", "bcrypt.json").toString());
        assertThat(overridden.getForkCount().get()).isEqualTo(1);
        assertThat(overridden.getMeasurementTime().get()).isEqualTo(TimeValue.seconds(2));
        assertThat(overridden.getWarmupIterations().get()).isEqualTo(Row.Settings.slow().warmupIterations());
    }

    @Test
    void quickOverridesEveryRowsSettings() throws CommandLineOptionException {
        Options quick = Compare.options(Row.TOKEN, Compare.Arguments.parse("--quick"), Path.of("out")).build();

        assertThat(quick.getForkCount().get()).isEqualTo(Row.Settings.quick().forks());
        assertThat(quick.getMeasurementIterations().get()).isEqualTo(Row.Settings.quick().iterations());
    }

    @Test
    void benchmarkPatternsAfterTheDoubleDashAreRefusedNotIgnored() {
        assertThatThrownBy(() -> Compare.options(Row.TOKEN, Compare.Arguments.parse("token", "--", "gatehouseCheck"),
                Path.of("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[gatehouseCheck]")
                .hasMessageContaining("java -jar benchmarks/target/benchmarks.jar");
    }

    @Test
    void postgresqlDownLeavesItsRunsOutOfRowsOnEitherDatabaseAndSaysWhy() throws CommandLineOptionException {
        Optional<String> down = Optional.of("PostgreSQL at jdbc:postgresql://127.0.0.1:5432/test is unreachable");
        Compare.Arguments args = Compare.Arguments.parse("resolve");

        Options options = Compare.options(Row.RESOLVE, args, Path.of("out"), down).build();

        assertThat(options.getParameter("database").get()).containsExactly("h2");
        assertThat(Compare.skipped(Row.RESOLVE, down)).isFalse();
        assertThat(Compare.note(Row.RESOLVE, args, down)).hasValueSatisfying(note -> assertThat(note)
                .startsWith("PostgreSQL runs left out, H2 only: ").endsWith("unreachable"));
    }

    @Test
    void postgresqlDownSkipsAPostgresqlOnlyRowWithTheReasonAndLeavesOtherRowsAlone()
            throws CommandLineOptionException {
        Optional<String> down = Optional.of("PostgreSQL is unreachable");
        Compare.Arguments args = Compare.Arguments.parse("resolve-threads", "token");

        assertThat(Compare.skipped(Row.RESOLVE_THREADS, down)).isTrue();
        assertThat(Compare.note(Row.RESOLVE_THREADS, args, down)).hasValueSatisfying(note -> assertThat(note)
                .contains("PostgreSQL only").endsWith("PostgreSQL is unreachable"));
        assertThat(Compare.skipped(Row.TOKEN, down)).isFalse();
        assertThat(Compare.note(Row.TOKEN, args, down)).isEmpty();
        assertThat(Compare.options(Row.TOKEN, args, Path.of("out"), down).build().getParameter("database")
                .hasValue()).isFalse();
    }

    @Test
    void postgresqlUpOrADatabaseChosenByHandChangesNothing() throws CommandLineOptionException {
        Optional<String> down = Optional.of("PostgreSQL is unreachable");
        Compare.Arguments byHand = Compare.Arguments.parse("lookup", "--", "-p", "database=postgresql");

        assertThat(Compare.options(Row.LOOKUP, Compare.Arguments.parse("lookup"), Path.of("out"), Optional.empty())
                .build().getParameter("database").hasValue()).isFalse();
        assertThat(Compare.note(Row.LOOKUP, byHand, down)).isEmpty();
        assertThat(Compare.options(Row.LOOKUP, byHand, Path.of("out"), down).build().getParameter("database").get())
                .containsExactly("postgresql");
    }

    @Test
    void quickRunOfASingleShotRowIsOneShotWithoutWarmUp() throws CommandLineOptionException {
        Options quick = Compare.options(Row.DELETE_EXPIRED, Compare.Arguments.parse("--quick", "delete-expired"),
                Path.of("out")).build();

        assertThat(quick.getForkCount().get()).isEqualTo(1);
        assertThat(quick.getWarmupIterations().get()).isZero();
        assertThat(quick.getMeasurementIterations().get()).isEqualTo(1);
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
