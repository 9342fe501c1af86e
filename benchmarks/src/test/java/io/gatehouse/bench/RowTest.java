package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

class RowTest {

    private static Set<String> benchmarkMethods(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class))
                .map(Method::getName).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void everyPairNamesBenchmarkMethodsOfItsRowsClass(Row row) {
        Set<String> methods = benchmarkMethods(row.benchmark());

        for (Row.Pair pair : row.pairs()) {
            assertThat(methods).as(row.id()).contains(pair.gatehouse(), pair.peer());
        }
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void everyRowComparesSomethingUnlessItIsASingleShotFigure(Row row) {
        assertThat(!row.pairs().isEmpty() || !row.across().isEmpty() || row.isSingleShot()).as(row.id()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void everyAcrossNamesAParameterAndTwoOfItsValues(Row row) {
        for (Row.Across across : row.across()) {
            Param param = params(row.benchmark()).get(across.param());
            assertThat(param).as(row.id() + " @Param " + across.param()).isNotNull();
            assertThat(param.value()).contains(across.value(), across.baseline());
        }
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void rowsOnDatabasesHaveADatabaseParameterUnlessPostgresqlOnly(Row row) {
        Param database = params(row.benchmark()).get("database");
        switch (row.databases()) {
            case NONE, POSTGRESQL_ONLY -> assertThat(database).as(row.id()).isNull();
            case EITHER -> assertThat(database.value()).as(row.id()).containsExactly("h2", "postgresql");
        }
    }

    /** The {@code @Param} fields of a benchmark class and of the state classes its methods take. */
    private static Map<String, Param> params(Class<?> type) {
        Map<String, Param> params = new HashMap<>();
        Set<Class<?>> states = new HashSet<>();
        states.add(type);
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(Benchmark.class)) {
                states.addAll(Arrays.asList(method.getParameterTypes()));
            }
        }
        for (Class<?> state : states) {
            for (Field field : state.getFields()) {
                Param param = field.getAnnotation(Param.class);
                if (param != null) {
                    params.put(field.getName(), param);
                }
            }
        }
        return params;
    }

    @Test
    void quickSettingsAreOneShotForSingleShotRowsAndShortOtherwise() {
        assertThat(Row.DELETE_EXPIRED.quickSettings()).isEqualTo(Row.Settings.quickSingleShot());
        assertThat(Row.RESOLVE.quickSettings()).isEqualTo(Row.Settings.quick());
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
        assertThat(Row.byId("delete-expired")).contains(Row.DELETE_EXPIRED);
        assertThat(Row.byId("resolve-threads")).contains(Row.RESOLVE_THREADS);
    }
}
