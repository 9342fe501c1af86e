package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.permission.Subject;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The thread-scaling row's set-up, on H2 here (the benchmark itself runs on PostgreSQL only). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolveThreadsBenchmarkTest {
    private final ResolveThreadsBenchmark benchmark = new ResolveThreadsBenchmark();
    private final ResolveThreadsBenchmark.Site site = new ResolveThreadsBenchmark.Site();

    @BeforeAll
    void setUp() {
        site.setUp(BenchDatabase.H2, 100);
    }

    @AfterAll
    void tearDown() {
        site.tearDown();
    }

    @Test
    void everyThreadCountResolvesALoggedInUserWithPermissions() {
        ResolveBenchmark.Cursor cursor = ResolveBenchmarkTest.cursor(0);
        List<Supplier<Subject>> runs = List.of(() -> benchmark.oneThread(site, cursor),
                () -> benchmark.twoThreads(site, cursor), () -> benchmark.fourThreads(site, cursor),
                () -> benchmark.eightThreads(site, cursor));

        for (Supplier<Subject> run : runs) {
            Subject subject = run.get();

            assertThat(subject.isAuthenticated()).isTrue();
            assertThat(subject.grantedPermissions()).hasSize(6);
        }
    }

    @Test
    void siteWithoutSpringRefusesSpringResolves() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> site.site().spring(0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without Spring");
    }
}
