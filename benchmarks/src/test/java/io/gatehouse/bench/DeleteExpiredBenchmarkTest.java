package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The cleanup row's set-up on H2 with small data: 2,500 expired sessions among 100 live ones. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeleteExpiredBenchmarkTest {
    private static final int EXPIRED = 2_500;
    private static final int LIVE = 100;

    private final DeleteExpiredBenchmark benchmark = new DeleteExpiredBenchmark();

    @BeforeAll
    void setUp() {
        benchmark.database = "h2";
        benchmark.batch = 1_000;
        benchmark.setUp(EXPIRED, LIVE);
    }

    @AfterAll
    void tearDown() {
        benchmark.tearDown();
    }

    private long count(String where) {
        return benchmark.db().count(benchmark.table(), where);
    }

    @Test
    void deleteRemovesExactlyTheExpiredSessionsIterationAfterIteration() {
        for (int iteration = 0; iteration < 2; iteration++) {
            benchmark.fill();
            long now = benchmark.now().toEpochMilli();
            assertThat(count("")).isEqualTo(EXPIRED + LIVE);
            assertThat(count("expires_at <= " + now)).isEqualTo(EXPIRED);

            assertThat(benchmark.deleteExpired()).isEqualTo(EXPIRED);

            assertThat(count("")).isEqualTo(LIVE);
            assertThat(count("expires_at > " + now)).isEqualTo(LIVE);
            benchmark.check();
        }
    }

    @Test
    void checkFailsWhenExpiredSessionsRemain() {
        benchmark.fill();

        assertThatThrownBy(benchmark::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("removed 0 sessions, expected " + EXPIRED);
    }

    @Test
    void bulkSessionsAreValidForTheStore() {
        benchmark.fill();

        // The store's own reader maps the bulk rows: a user's sessions come back as Session records.
        // Rows 0, 1000 and 2000 of the 2,600 belong to user 1.
        assertThat(benchmark.sessions().findByUser(1)).hasSize(3)
                .allSatisfy(session -> assertThat(session.attributes()).isEmpty());
    }
}
