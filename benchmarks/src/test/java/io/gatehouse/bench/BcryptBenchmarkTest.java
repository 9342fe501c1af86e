package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mindrot.jbcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BcryptBenchmarkTest {
    private final BcryptBenchmark benchmark = new BcryptBenchmark();

    @BeforeAll
    void setUp() {
        benchmark.setUp();
    }

    @Test
    void everyVerifyBenchmarkAcceptsThePassword() {
        assertThat(benchmark.gatehouseVerify()).as("gatehouse").isTrue();
        assertThat(benchmark.jbcryptVerify()).as("jbcrypt").isTrue();
        assertThat(benchmark.springVerify()).as("spring").isTrue();
        assertThat(benchmark.favreVerify()).as("favre").isTrue();
    }

    @Test
    void gatehouseVerifyRefusesAnotherPassword() {
        assertThat(benchmark.gatehouse().matches(BcryptBenchmark.PASSWORD + "x", benchmark.storedGatehouseHash()))
                .isFalse();
    }

    @Test
    void everyHashBenchmarkWritesAHashAtTheDefaultCostThatVerifies() {
        String password = BcryptBenchmark.PASSWORD;

        String gatehouse = benchmark.gatehouseHash();
        assertThat(gatehouse).startsWith("bcrypt_sha256$$2b$11$");
        assertThat(benchmark.gatehouse().matches(password, gatehouse)).isTrue();

        String jbcrypt = benchmark.jbcryptHash();
        assertThat(jbcrypt).startsWith("$2a$11$");
        assertThat(BCrypt.checkpw(password, jbcrypt)).isTrue();

        String spring = benchmark.springHash();
        assertThat(spring).startsWith("$2b$11$");
        assertThat(new BCryptPasswordEncoder().matches(password, spring)).isTrue();

        byte[] favre = benchmark.favreHash();
        assertThat(new String(favre, StandardCharsets.US_ASCII)).startsWith("$2b$11$");
        assertThat(at.favre.lib.crypto.bcrypt.BCrypt.verifyer().verify(password.toCharArray(),
                new String(favre, StandardCharsets.US_ASCII)).verified).isTrue();
    }

    @Test
    void passwordIsUnderBcryptsLimitSoEveryLibraryHashesTheSameBytes() {
        assertThat(BcryptBenchmark.PASSWORD.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(72);
    }
}
