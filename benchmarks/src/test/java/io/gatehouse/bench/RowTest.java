package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Benchmark;

class RowTest {

    private static Set<String> benchmarkMethods(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class))
                .map(Method::getName).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void everyPairNamesBenchmarkMethodsOfItsRowsClass(Row row) {
        Set<String> methods = benchmarkMethods(row.benchmark());

        assertThat(row.pairs()).isNotEmpty();
        for (Row.Pair pair : row.pairs()) {
            assertThat(methods).as(row.id()).contains(pair.gatehouse(), pair.peer());
        }
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void includeSelectsItsOwnClassOnly(Row row) {
        Pattern include = Pattern.compile(row.include());

        for (Row other : Row.values()) {
            for (String method : benchmarkMethods(other.benchmark())) {
                assertThat(include.matcher(other.benchmark().getName() + "." + method).find())
                        .as(row.id() + " includes " + other.id() + "." + method).isEqualTo(other == row);
            }
        }
    }

    @Test
    void everyBenchmarkClassHasARow() {
        Set<Class<?>> covered = EnumSet.allOf(Row.class).stream().map(Row::benchmark).collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(BenchmarkListTest.BENCHMARKS);
    }

    @Test
    void byIdFindsEachRowByItsLowerCaseName() {
        for (Row row : Row.values()) {
            assertThat(Row.byId(row.id())).contains(row);
        }
        assertThat(Row.byId("TOKEN")).isEmpty();
    }
}
