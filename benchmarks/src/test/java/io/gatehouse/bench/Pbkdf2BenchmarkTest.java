package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Pbkdf2BenchmarkTest {
    private final Pbkdf2Benchmark benchmark = new Pbkdf2Benchmark();

    @BeforeAll
    void setUp() throws GeneralSecurityException {
        benchmark.setUp();
    }

    @Test
    void hashIsDjangoFormatAtDjango52sIterationCount() {
        assertThat(benchmark.encoded()).startsWith("pbkdf2_sha256$1000000$");
    }

    @Test
    void everyBenchmarkDerivesTheDigestOurHasherStored() throws GeneralSecurityException {
        assertThat(benchmark.gatehouseVerify()).as("gatehouse").isTrue();
        assertThat(benchmark.jdkSecretKeyFactory()).as("SecretKeyFactory").isTrue();
        assertThat(benchmark.reusedMac()).as("reused Mac").isTrue();
    }

    @Test
    void reusedMacStillAgreesOnItsSecondUse() {
        assertThat(benchmark.reusedMac()).isTrue();
        assertThat(benchmark.reusedMac()).isTrue();
    }
}
