package io.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.testing.MutableClock;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenGeneratorTest {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TokenPurpose RESET = TokenPurpose.PASSWORD_RESET;

    private final MutableClock clock = MutableClock.at(T0);
    private final byte[] secretA = secret();
    private final TokenGenerator tokens = TokenGenerator.create(SecretKeyRing.of(secretA), clock);
    private final User alice = user(7, "alice");

    static byte[] secret() {
        byte[] secret = new byte[48];
        RANDOM.nextBytes(secret);
        return secret;
    }

    static User user(long id, String name) {
        return UserBuilder.create(name, name + "@example.com", "pbkdf2_sha256$600000$salt$" + name, T0)
                .build().withId(id);
    }

    private static User change(User user, UnaryOperator<UserBuilder> edit) {
        return edit.apply(user.toBuilder()).buildUser();
    }

    @Test
    void checkWhenUnchangedThenValid() {
        String token = tokens.make(alice, RESET);

        assertThat(tokens.check(alice, RESET, token)).isTrue();
        assertThat(tokens.check(alice, RESET, token)).as("checking alone does not use it up").isTrue();
    }

    @Test
    void makeProducesTimestampDashFullMac() {
        String token = tokens.make(alice, RESET);

        assertThat(token).matches("[0-9a-z]{1,12}-[A-Za-z0-9_-]{43}")
                .startsWith(Long.toString(T0.getEpochSecond(), 36) + "-")
                .hasSizeLessThanOrEqualTo(TokenGenerator.MAX_TOKEN_LENGTH);
        assertThat(token).hasSize(50);
    }

    @Test
    void checkWhenPasswordChangedThenInvalid() {
        String token = tokens.make(alice, RESET);
        User reset = change(alice, b -> b.passwordHash("pbkdf2_sha256$600000$salt$new"));

        assertThat(tokens.check(reset, RESET, token)).isFalse();
    }

    @Test
    void checkWhenLoggedInSinceThenInvalid() {
        String token = tokens.make(alice, RESET);
        User loggedIn = change(alice, b -> b.lastLogin(T0.plusSeconds(60)));

        assertThat(tokens.check(loggedIn, RESET, token)).isFalse();
    }

    @Test
    void checkWhenLastLoginChangedAgainThenInvalid() {
        User before = change(alice, b -> b.lastLogin(T0.minusSeconds(3600)));
        String token = tokens.make(before, RESET);

        assertThat(tokens.check(change(before, b -> b.lastLogin(T0)), RESET, token)).isFalse();
        assertThat(tokens.check(change(before, b -> b.lastLogin(null)), RESET, token)).isFalse();
    }

    @Test
    void checkWhenStoreDropsSubSecondDigitsOfLastLoginThenStillValid() {
        User signed = change(alice, b -> b.lastLogin(T0.minusSeconds(3600).plusNanos(123_456_789)));
        String token = tokens.make(signed, RESET);
        User reloaded = change(signed, b -> b.lastLogin(T0.minusSeconds(3600)));

        assertThat(tokens.check(reloaded, RESET, token)).isTrue();
    }

    @Test
    void checkWhenEmailVerifiedSinceThenInvalid() {
        String token = tokens.make(alice, TokenPurpose.EMAIL_VERIFICATION);
        User verified = change(alice, b -> b.emailVerified(true));

        assertThat(tokens.check(alice, TokenPurpose.EMAIL_VERIFICATION, token)).isTrue();
        assertThat(tokens.check(verified, TokenPurpose.EMAIL_VERIFICATION, token)).isFalse();
    }

    @Test
    void checkWhenDeactivatedThenInvalid() {
        String token = tokens.make(alice, RESET);
        User inactive = change(alice, b -> b.active(false));

        assertThat(tokens.check(inactive, RESET, token)).isFalse();
    }

    @Test
    void checkWhenEmailChangedThenInvalid() {
        String token = tokens.make(alice, TokenPurpose.EMAIL_VERIFICATION);
        User moved = change(alice, b -> b.email("alice@attacker.example"));

        assertThat(tokens.check(moved, TokenPurpose.EMAIL_VERIFICATION, token)).isFalse();
    }

    @Test
    void checkWhenOnlyLetterCaseOfEmailChangedThenInvalid() {
        // Some mail servers treat local parts case-sensitively (RFC 5321), so Alice@ may be another mailbox
        // than alice@: a verification token proves control of exactly the address the mail went to.
        String token = tokens.make(alice, TokenPurpose.EMAIL_VERIFICATION);
        User recased = change(alice, b -> b.email("Alice@example.com"));

        assertThat(recased.emailKey()).isEqualTo(alice.emailKey());
        assertThat(tokens.check(recased, TokenPurpose.EMAIL_VERIFICATION, token)).isFalse();
    }

    @Test
    void checkWhenUnboundStateChangesThenStillValid() {
        String token = tokens.make(alice, RESET);
        User renamed = change(alice, b -> b.firstName("Alice").staff(true));

        assertThat(tokens.check(renamed, RESET, token)).isTrue();
    }

    @Test
    void checkWhenTokenBelongsToAnotherUserThenInvalid() {
        User mallory = user(8, "mallory");
        String malloryToken = tokens.make(mallory, RESET);

        assertThat(tokens.check(alice, RESET, malloryToken)).isFalse();
    }

    @Test
    void checkWhenOnlyIdDiffersThenInvalid() {
        // Same hash, email and flags: only the id tells the two apart, and it is bound.
        User twin = new User(8, alice.username(), alice.email(), alice.passwordHash(), alice.firstName(),
                alice.lastName(), alice.active(), alice.staff(), alice.superuser(), alice.emailVerified(),
                alice.dateJoined(), alice.lastLogin(), alice.locale());
        String token = tokens.make(alice, RESET);

        assertThat(tokens.check(twin, RESET, token)).isFalse();
    }

    static List<TokenPurpose[]> crossPurposePairs() {
        List<TokenPurpose> all = List.of(TokenPurpose.EMAIL_VERIFICATION, TokenPurpose.PASSWORD_RESET,
                TokenPurpose.EMAIL_CHANGE);
        return all.stream().flatMap(made -> all.stream().filter(used -> used != made)
                .map(used -> new TokenPurpose[] {made, used})).toList();
    }

    @ParameterizedTest(name = "{0} token used as {1}")
    @MethodSource("crossPurposePairs")
    void checkWhenMadeForAnotherPurposeThenInvalid(TokenPurpose made, TokenPurpose used) {
        String token = tokens.make(alice, made);
        String bound = tokens.make(alice, made, "new@example.com");

        assertThat(tokens.check(alice, made, token)).isTrue();
        assertThat(tokens.check(alice, used, token)).isFalse();
        assertThat(tokens.check(alice, used, "new@example.com", bound)).isFalse();
    }

    @Test
    void checkWhenSameNameWithOtherTimeoutThenValid() {
        String token = tokens.make(alice, RESET);

        assertThat(tokens.check(alice, RESET.withTimeout(Duration.ofHours(1)), token)).isTrue();
    }

    @Test
    void checkWhenBoundValueMatchesExactlyThenValid() {
        String token = tokens.make(alice, TokenPurpose.EMAIL_CHANGE, "alice@new.example");

        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, "alice@new.example", token)).isTrue();
    }

    @Test
    void checkWhenBoundValueSwappedThenInvalid() {
        String token = tokens.make(alice, TokenPurpose.EMAIL_CHANGE, "alice@new.example");

        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, "mallory@evil.example", token)).isFalse();
        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, "Alice@new.example", token)).isFalse();
        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, "", token)).isFalse();
        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, null, token)).isFalse();
    }

    @Test
    void checkWhenBoundValueAddedOrDroppedThenInvalid() {
        String unbound = tokens.make(alice, TokenPurpose.EMAIL_CHANGE);
        String boundEmpty = tokens.make(alice, TokenPurpose.EMAIL_CHANGE, "");

        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, "", unbound)).isFalse();
        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, boundEmpty)).isFalse();
        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, "", boundEmpty)).isTrue();
    }

    @Test
    void checkWhenBoundValueTooLongThenInvalidWithoutException() {
        String token = tokens.make(alice, TokenPurpose.EMAIL_CHANGE, "a@b.example");

        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, "x".repeat(10_000_000), token)).isFalse();
    }

    @Test
    void makeWhenBoundValueTooLongThenRejectedNamingIt() {
        String limit = "x".repeat(TokenGenerator.MAX_BOUND_VALUE_LENGTH);
        String token = tokens.make(alice, TokenPurpose.EMAIL_CHANGE, limit);

        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, limit, token)).isTrue();
        assertThatThrownBy(() -> tokens.make(alice, TokenPurpose.EMAIL_CHANGE, limit + "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("boundValue must be at most 1024 characters long, was 1025.");
    }

    @Test
    void checkWhenExactlyAtTimeoutThenValidAndOneSecondLaterInvalid() {
        String token = tokens.make(alice, RESET);

        clock.advance(Duration.ofDays(3));
        assertThat(tokens.check(alice, RESET, token)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.check(alice, RESET, token)).isFalse();
    }

    @Test
    void checkUsesThePurposeTimeoutPassedToCheck() {
        TokenPurpose hour = RESET.withTimeout(Duration.ofHours(1));
        String token = tokens.make(alice, RESET);

        clock.advance(Duration.ofHours(1));
        assertThat(tokens.check(alice, hour, token)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.check(alice, hour, token)).isFalse();
        assertThat(tokens.check(alice, RESET, token)).isTrue();
    }

    @Test
    void checkTimeoutCountsWholeSecondsAsDjangoDoes() {
        clock.set(T0.plusMillis(999));
        String token = tokens.make(alice, TokenPurpose.EMAIL_CHANGE);

        clock.set(T0.plus(Duration.ofDays(1)).plusMillis(999));
        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, token)).isTrue();
        clock.set(T0.plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, token)).isFalse();
    }

    @Test
    void checkWhenTimestampInFutureThenInvalid() {
        clock.advance(Duration.ofSeconds(10));
        String token = tokens.make(alice, RESET);
        clock.advance(Duration.ofSeconds(-1));

        assertThat(tokens.check(alice, RESET, token)).isFalse();
    }

    @Test
    void checkWhenTimestampEditedThenInvalid() {
        String token = tokens.make(alice, RESET);
        clock.advance(Duration.ofDays(4));
        String now = Long.toString(clock.instant().getEpochSecond(), 36);
        String refreshed = now + token.substring(token.indexOf('-'));

        assertThat(tokens.check(alice, RESET, refreshed)).isFalse();
    }

    @Test
    void checkWhenMacBitFlippedThenInvalid() {
        String token = tokens.make(alice, RESET);
        char last = token.charAt(token.length() - 1);
        char first = token.charAt(token.indexOf('-') + 1);
        String lastFlipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'E' : 'A');
        String firstFlipped = token.replaceFirst("-.", "-" + (first == 'A' ? 'B' : 'A'));

        assertThat(tokens.check(alice, RESET, lastFlipped)).isFalse();
        assertThat(tokens.check(alice, RESET, firstFlipped)).isFalse();
    }

    @Test
    void checkWhenMadeUnderFallbackKeyThenValidOnlyWhileListed() {
        byte[] secretB = secret();
        String madeUnderA = tokens.make(alice, RESET);

        assertThat(TokenGenerator.create(SecretKeyRing.of(secretA), clock).check(alice, RESET, madeUnderA)).isTrue();
        assertThat(TokenGenerator.create(SecretKeyRing.of(secretB, secretA), clock).check(alice, RESET, madeUnderA))
                .isTrue();
        assertThat(TokenGenerator.create(SecretKeyRing.of(secretB), clock).check(alice, RESET, madeUnderA))
                .isFalse();
    }

    @Test
    void makeSignsUnderTheCurrentKeyNotAFallback() {
        byte[] secretB = secret();
        String madeUnderB = TokenGenerator.create(SecretKeyRing.of(secretB, secretA), clock).make(alice, RESET);

        assertThat(TokenGenerator.create(SecretKeyRing.of(secretB), clock).check(alice, RESET, madeUnderB)).isTrue();
        assertThat(tokens.check(alice, RESET, madeUnderB)).isFalse();
    }

    @Test
    void checkWhenNullTokenThenInvalid() {
        assertThat(tokens.check(alice, RESET, null)).isFalse();
        assertThat(tokens.check(alice, RESET, "x", null)).isFalse();
    }

    @Test
    void checkWhenNullUserOrPurposeThenNullPointerNamingIt() {
        String token = tokens.make(alice, RESET);

        assertThatThrownBy(() -> tokens.check(null, RESET, token)).hasMessage("user");
        assertThatThrownBy(() -> tokens.check(alice, null, token)).hasMessage("purpose");
        assertThatThrownBy(() -> tokens.check(null, RESET, null, token)).hasMessage("user");
        assertThatThrownBy(() -> tokens.make(alice, null)).hasMessage("purpose");
        assertThatThrownBy(() -> tokens.make(alice, RESET, null)).hasMessage("boundValue");
    }

    @Test
    void checkWhenLongerThanLimitThenInvalid() {
        String token = tokens.make(alice, RESET);

        assertThat(tokens.check(alice, RESET, token + "A")).isFalse();
        assertThat(tokens.check(alice, RESET, "1".repeat(TokenGenerator.MAX_TOKEN_LENGTH + 1))).isFalse();
        assertThat(tokens.check(alice, RESET, token + "-".repeat(10_000_000))).isFalse();
    }

    @Test
    void makeProducesOnlyUrlSafeCharacters() {
        Pattern urlSafe = Pattern.compile("[A-Za-z0-9_-]+");
        for (int i = 0; i < 1000; i++) {
            User user = user(i + 1, "user" + i);
            clock.advance(Duration.ofSeconds(RANDOM.nextInt(100_000)));
            String token = tokens.make(user, RESET, "v" + i);

            assertThat(token).matches(urlSafe).hasSizeLessThanOrEqualTo(TokenGenerator.MAX_TOKEN_LENGTH);
            assertThat(tokens.check(user, RESET, "v" + i, token)).isTrue();
        }
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        String text = tokens.toString();

        assertThat(text).startsWith("TokenGenerator[").contains("SecretKeyRing[current=1, fallbacks=0]");
        assertThat(text).doesNotContain(java.util.Base64.getEncoder().encodeToString(secretA).substring(0, 8))
                .doesNotContain(java.util.HexFormat.of().formatHex(secretA).substring(0, 8));
    }

    @Test
    void createWhenNullThenNullPointerNamingIt() {
        assertThatThrownBy(() -> TokenGenerator.create(null, clock)).hasMessage("keys");
        assertThatThrownBy(() -> TokenGenerator.create(SecretKeyRing.of(secretA), null)).hasMessage("clock");
    }

    @Test
    void makeWhenClockBefore1970ThenIllegalState() {
        clock.set(Instant.parse("1969-12-31T23:59:59Z"));

        assertThatThrownBy(() -> tokens.make(alice, RESET)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before 1970");
    }
}
