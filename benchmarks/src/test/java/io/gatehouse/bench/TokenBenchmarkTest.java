package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.token.TokenGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenBenchmarkTest {
    private final TokenBenchmark benchmark = new TokenBenchmark();

    @BeforeEach
    void setUp() {
        benchmark.setUp();
    }

    @Test
    void gatehouseCheckAcceptsTheTokenMadeInSetup() {
        assertThat(benchmark.gatehouseCheck()).isTrue();
    }

    @Test
    void gatehouseMakeMakesATokenThatChecks() {
        String token = benchmark.gatehouseMake();

        assertThat(token).hasSize(50);
        assertThat(benchmark.tokens().check(benchmark.theUser(), TokenBenchmark.PURPOSE, token)).isTrue();
    }

    @Test
    void gatehouseCheckRefusesATokenForAnotherPurpose() {
        String token = benchmark.gatehouseMake();

        assertThat(benchmark.tokens().check(benchmark.theUser(), io.gatehouse.token.TokenPurpose.EMAIL_VERIFICATION,
                token)).isFalse();
    }

    @Test
    void rawMacBenchmarksComputeAndAcceptTheMac() throws CloneNotSupportedException {
        assertThat(benchmark.rawMacMake()).hasSize(32);
        assertThat(benchmark.rawMacCheck()).isTrue();
        assertThat(benchmark.rawMacFreshCheck()).isTrue();
        assertThat(benchmark.rawMacClonedCheck()).isTrue();
        assertThat(benchmark.rawMacCheck()).as("the clone leaves the prototype as it was").isTrue();
    }

    @Test
    void rawMessageIsTheExactMessageGatehouseSigns() {
        // The token's MAC is SecretKeyRing.sign(salt, message): recomputing it over our copy of the layout proves
        // the raw benchmarks hash the same bytes, not just as many.
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        SecretKeyRing keys = SecretKeyRing.generate(new SecureRandom());
        TokenGenerator tokens = TokenGenerator.create(keys, Clock.fixed(now, ZoneOffset.UTC));
        String token = tokens.make(benchmark.theUser(), TokenBenchmark.PURPOSE);
        byte[] mac = Base64.getUrlDecoder().decode(token.substring(token.indexOf('-') + 1));

        byte[] ours = keys.sign("gatehouse.token." + TokenBenchmark.PURPOSE.name(),
                TokenBenchmark.sameLayoutMessage(benchmark.theUser(), now.getEpochSecond()));

        assertThat(ours).isEqualTo(mac);
        assertThat(benchmark.message()).hasSize(
                TokenBenchmark.sameLayoutMessage(benchmark.theUser(), now.getEpochSecond()).length);
    }

    @Test
    void userHasAHashAsLongAsTheDefaultHashersOutput() {
        assertThat(benchmark.theUser().passwordHash()).startsWith("bcrypt_sha256$$2b$04$")
                .hasSize("bcrypt_sha256$".length() + 60);
    }
}
