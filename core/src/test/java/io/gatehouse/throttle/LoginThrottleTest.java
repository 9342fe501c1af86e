package io.gatehouse.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DESIGN.md invariant 6, brute force, against {@link LoginThrottle} under the default policy. */
class LoginThrottleTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = MutableClock.at(T0);
    private final RecordingThrottleStore store = new RecordingThrottleStore();
    private final LoginThrottle throttle = new LoginThrottle(store, ThrottlePolicy.defaults(), clock);

    private void fail(String login, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(login, ADDRESS);
        }
    }

    @Test
    void retryAfterWhenNothingRecordedThenEmpty() {
        assertThat(throttle.retryAfter("alice", ADDRESS)).isEmpty();
    }

    @Test
    void fourthFailureDoesNotLock() {
        fail("alice", 4);

        assertThat(throttle.retryAfter("alice", ADDRESS)).isEmpty();
    }

    @Test
    void fifthFailureLocksTheAccountForOneMinute() {
        fail("alice", 5);

        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("alice", "")).as("from any address").contains(Duration.ofMinutes(1));
    }

    @Test
    void retryAfterCountsDownExactly() {
        fail("alice", 5);

        clock.advance(Duration.ofSeconds(42).plusMillis(5));

        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofSeconds(17).plusMillis(995));
    }

    @Test
    void lockoutEndsExactlyWhenItsTimeIsUp() {
        fail("alice", 5);

        clock.advance(Duration.ofMinutes(1).minusMillis(1));
        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofMillis(1));

        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.retryAfter("alice", ADDRESS)).isEmpty();
    }

    @Test
    void failureAfterWaitingOutTheLockoutDoublesIt() {
        fail("alice", 5);
        clock.advance(Duration.ofMinutes(1));

        fail("alice", 1);
        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofMinutes(2));

        clock.advance(Duration.ofMinutes(2));
        fail("alice", 1);
        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofMinutes(4));
    }

    @Test
    void attackerWhoWaitsOutEveryLockoutReachesTheOneHourCap() {
        // Lockouts of 16 and 32 minutes outlast forgetAfter (15); waiting one out must not restart the count.
        fail("alice", 5);
        Duration expected = Duration.ofMinutes(1);
        for (int round = 0; round < 8; round++) {
            Duration wait = throttle.retryAfter("alice", ADDRESS).orElseThrow();
            assertThat(wait).as("round %d", round).isEqualTo(expected);
            clock.advance(wait);
            fail("alice", 1);
            expected = expected.multipliedBy(2).compareTo(Duration.ofHours(1)) > 0
                    ? Duration.ofHours(1) : expected.multipliedBy(2);
        }

        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofHours(1));
    }

    @Test
    void quietForForgetAfterPastTheLockoutThenTheCountRestarts() {
        fail("alice", 5);
        clock.advance(Duration.ofMinutes(1).plus(Duration.ofMinutes(15)).plusMillis(1));

        fail("alice", 4);

        assertThat(throttle.retryAfter("alice", ADDRESS)).isEmpty();
    }

    @Test
    void successResetsTheAccountButNotTheAddress() {
        fail("alice", 4);
        for (int i = 0; i < 45; i++) {
            throttle.recordFailure("user" + i, ADDRESS);
        }

        throttle.recordSuccess("alice");
        fail("alice", 1);

        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("alice", "198.51.100.1")).as("account alone").isEmpty();
    }

    @Test
    void passwordSprayingFromOneAddressIsThrottledAtFifty() {
        for (int i = 0; i < 49; i++) {
            throttle.recordFailure("victim" + i, ADDRESS);
        }
        assertThat(throttle.retryAfter("victim49", ADDRESS)).isEmpty();

        throttle.recordFailure("victim49", ADDRESS);

        for (int i = 50; i < 60; i++) {
            assertThat(throttle.retryAfter("victim" + i, ADDRESS)).as("victim%d", i).contains(Duration.ofMinutes(1));
        }
        assertThat(throttle.retryAfter("victim50", "198.51.100.1")).as("the accounts themselves").isEmpty();
    }

    @Test
    void failuresWithoutAnAddressCountOnlyAgainstTheAccount() {
        for (int i = 0; i < 60; i++) {
            throttle.recordFailure("victim" + i, "");
        }

        assertThat(throttle.retryAfter("victim60", "")).isEmpty();
        assertThat(store.keys()).doesNotContain(LoginThrottle.addressKey(""));
    }

    @Test
    void accountKeyIgnoresCaseAndCompatibilityForms() {
        fail("Alice", 3);
        fail("ＡＬＩＣＥ", 2);

        assertThat(throttle.retryAfter("alice", "")).contains(Duration.ofMinutes(1));
    }

    @Test
    void accountKeyFoldsLikeTheUserStoreSoDottedCapitalIGetsNoExtraGuesses() {
        // The store finds "İrİs" and "iris" as one user; five guesses each would multiply per-account attempts.
        fail("iris", 3);
        fail("İrİs", 1);
        fail("IRIS", 1);

        assertThat(throttle.retryAfter("iris", "")).contains(Duration.ofMinutes(1));
        assertThat(LoginThrottle.accountKey("ΟΔΟΣ")).isEqualTo(LoginThrottle.accountKey("οδος"))
                .isEqualTo(LoginThrottle.accountKey("οδοσ"));
    }

    @Test
    void accountKeyIgnoresCaseOfEmails() {
        assertThat(LoginThrottle.accountKey("Alice@Example.COM")).isEqualTo(LoginThrottle.accountKey("alice@example.com"));
    }

    @Test
    void accountsAndAddressesDoNotShareKeys() {
        assertThat(LoginThrottle.accountKey(ADDRESS)).isNotEqualTo(LoginThrottle.addressKey(ADDRESS));
    }

    @Test
    void storeHoldsOnlyDigestsNeverTheLoginOrAddress() {
        String login = "Alice.Liddell@Wonderland.example";
        fail(login, 6);
        throttle.retryAfter(login, ADDRESS);
        throttle.recordSuccess(login);

        assertThat(store.keys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key).matches("[0-9a-f]{64}");
            assertThat(key).doesNotContainIgnoringCase("alice").doesNotContain("203.0").doesNotContain("113.7");
        });
    }

    @Test
    void veryLongLoginIsKeyedWithoutTrouble() {
        String huge = "a".repeat(100_000);

        fail(huge, 5);

        assertThat(throttle.retryAfter(huge, "")).isPresent();
        assertThat(store.keys()).allSatisfy(key -> assertThat(key).hasSize(64));
    }

    @Test
    void retryAfterIsTheLongerOfAccountAndAddress() {
        fail("alice", 7);
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure("user" + i, "198.51.100.9");
        }

        Optional<Duration> both = throttle.retryAfter("alice", "198.51.100.9");

        assertThat(both).contains(Duration.ofMinutes(4));
        assertThat(throttle.retryAfter("bob", "198.51.100.9")).contains(Duration.ofMinutes(1));
    }
}
