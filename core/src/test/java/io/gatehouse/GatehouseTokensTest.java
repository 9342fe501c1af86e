package io.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.testing.MutableClock;
import io.gatehouse.token.TokenGenerator;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatehouseTokensTest {
    @Test
    void tokensAreSignedWithTheFacadeKeysAndClock() {
        Instant t0 = Instant.parse("2026-03-01T09:00:00Z");
        MutableClock clock = MutableClock.at(t0);
        SecretKeyRing keys = SecretKeyRing.generate(new SecureRandom());
        Gatehouse gatehouse = Gatehouse.builder(keys).clock(clock).build();
        User user = UserBuilder.create("alice", "alice@example.com", "!unusable", t0).build().withId(1);

        String token = gatehouse.tokens().make(user, TokenPurpose.PASSWORD_RESET);

        assertThat(TokenGenerator.create(keys, clock).check(user, TokenPurpose.PASSWORD_RESET, token)).isTrue();
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertThat(gatehouse.tokens().check(user, TokenPurpose.PASSWORD_RESET, token)).isFalse();
    }
}
