package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.login.LoginResult;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openjdk.jmh.infra.ThreadParams;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBenchmarkTest {
    private final LoginBenchmark benchmark = new LoginBenchmark();
    private final LoginBenchmark.Site site = new LoginBenchmark.Site();

    @BeforeAll
    void setUp() {
        site.setUp();
    }

    private LoginBenchmark.Client client(int threadIndex, int threadCount) {
        LoginBenchmark.Client client = new LoginBenchmark.Client();
        client.setUp(site, new ThreadParams(threadIndex, threadCount, 0, 1, 0, 1, threadIndex, threadCount,
                threadIndex, threadCount));
        return client;
    }

    @Test
    void eachBenchmarkLogsInAndGetsASessionThatResolves() {
        LoginBenchmark.Client client = client(0, 1);

        List<Supplier<LoginResult.Success>> logins = List.of(() -> benchmark.oneThread(site, client),
                () -> benchmark.twoThreads(site, client), () -> benchmark.fourThreads(site, client));
        for (Supplier<LoginResult.Success> login : logins) {
            LoginResult.Success success = login.get();

            assertThat(success.user().username()).isEqualTo(client.username());
            assertThat(site.gatehouse().subject(success.session().id()).isAuthenticated()).isTrue();
        }
    }

    @Test
    void nextLoginReplacesThePreviousSessionSoTheStoreDoesNotGrow() {
        LoginBenchmark.Client client = client(1, 2);
        String first = client.login(site).session().id();

        String second = client.login(site).session().id();

        assertThat(second).isNotEqualTo(first).isEqualTo(client.sessionId());
        assertThat(site.gatehouse().sessions().resolve(first)).isEmpty();
        assertThat(site.gatehouse().sessions().resolve(second)).isPresent();
    }

    @Test
    void eachThreadOfAFourThreadRunHasItsOwnAccount() {
        assertThat(IntStream.range(0, 4).mapToObj(i -> client(i, 4).username()).distinct())
                .hasSize(4);
    }
}
