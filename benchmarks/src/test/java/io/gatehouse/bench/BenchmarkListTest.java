package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/** Proves JMH's annotation processor ran and generated a harness for every benchmark method. */
class BenchmarkListTest {
    static final List<Class<?>> BENCHMARKS = List.of(
            TokenBenchmark.class, BcryptBenchmark.class, Pbkdf2Benchmark.class, LoginBenchmark.class,
            ResolveBenchmark.class, ResolveThreadsBenchmark.class, MailBenchmark.class, LookupBenchmark.class,
            DeleteExpiredBenchmark.class);

    @Test
    void benchmarkListNamesEveryBenchmarkMethod() throws IOException {
        String list;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).as("META-INF/BenchmarkList, written by jmh-generator-annprocess").isNotNull();
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        for (Class<?> type : BENCHMARKS) {
            List<Method> methods = Arrays.stream(type.getMethods())
                    .filter(m -> m.isAnnotationPresent(Benchmark.class)).toList();
            assertThat(methods).as(type.getSimpleName()).isNotEmpty();
            for (Method method : methods) {
                assertThat(list).contains(type.getName() + " S ")
                        .contains("jmh_generated." + type.getSimpleName() + "_" + method.getName() + "_jmhTest");
            }
        }
    }
}
