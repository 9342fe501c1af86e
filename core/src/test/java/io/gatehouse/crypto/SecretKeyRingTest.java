package io.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretKeyRingTest {
    private static final String PURPOSE = "gatehouse.test";
    private static final byte[] MESSAGE = "pbkdf2_sha256$1$salt$hash".getBytes(StandardCharsets.UTF_8);

    private static byte[] randomSecret(int length) {
        byte[] secret = new byte[length];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    @Test
    void ofWhenSecretHas32BytesThenAccepted() {
        assertThat(SecretKeyRing.of(randomSecret(32)).fallbackCount()).isZero();
    }

    @Test
    void ofWhenSecretHas31BytesThenRejectedNamingFieldAndFix() {
        assertThatThrownBy(() -> SecretKeyRing.of(randomSecret(31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("current secret is too weak: it has 31 bytes, and at least 32 are required.")
                .hasMessageContaining("openssl rand -base64 48");
    }

    @Test
    void ofWhenFallbackIsWeakThenRejectedNamingItsIndex() {
        assertThatThrownBy(() -> SecretKeyRing.of(randomSecret(32), randomSecret(32), randomSecret(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fallbacks[1] secret is too weak");
    }

    @Test
    void fromStringsWhenMissingOrEmptyThenRejected() {
        assertThatThrownBy(() -> SecretKeyRing.fromStrings(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("current secret is missing or empty. Generate one with: openssl rand -base64 48");
        assertThatThrownBy(() -> SecretKeyRing.fromStrings(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("current secret is missing or empty.");
        assertThatThrownBy(() -> SecretKeyRing.of(new byte[0]))
                .hasMessageStartingWith("current secret is missing or empty.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "django-insecure-x7k#2@q9v!m$wz8l(3n^r&b5t*y1u0p)s6d4f-g+h=j",
        "changeme-changeme-changeme-changeme-changeme",
        "CHANGE_ME_TO_A_LONG_RANDOM_VALUE_IN_PRODUCTION",
        "your-secret-key-goes-here-and-it-is-long-enough",
        "gatehouse-example-key-0123456789-abcdefghijklmnop",
        "this-is-a-placeholder-value-for-local-development",
        "insecure-dev-only-key-1234567890-abcdefghijklmnop",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "abababababababababababababababababababababababab",
    })
    void fromStringsWhenWellKnownSampleThenRejected(String sample) {
        assertThatThrownBy(() -> SecretKeyRing.fromStrings(sample))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("current secret is too weak")
                .hasMessageContaining("openssl rand -base64 48")
                .hasMessageNotContaining(sample);
    }

    @Test
    void ofWhenAllOneByteThenRejected() {
        byte[] zeros = new byte[64];
        assertThatThrownBy(() -> SecretKeyRing.of(zeros)).hasMessageContaining("distinct byte values");
    }

    @Test
    void fromBase64DecodesOpensslOutput() {
        byte[] secret = randomSecret(48);
        SecretKeyRing fromBase64 = SecretKeyRing.fromBase64(Base64.getEncoder().encodeToString(secret) + "\n");

        assertThat(SecretKeyRing.of(secret).verify(PURPOSE, MESSAGE, fromBase64.sign(PURPOSE, MESSAGE))).isTrue();
    }

    @Test
    void fromBase64WhenNotBase64ThenRejectedWithoutQuotingTheValue() {
        assertThatThrownBy(() -> SecretKeyRing.fromBase64("not base64 at all! ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("current secret is not valid base64. Generate one with: openssl rand -base64 48")
                .hasNoCause();
    }

    @Test
    void ofCopiesTheCallersArray() {
        byte[] secret = randomSecret(32);
        SecretKeyRing ring = SecretKeyRing.of(secret);
        byte[] mac = ring.sign(PURPOSE, MESSAGE);

        Arrays.fill(secret, (byte) 0);

        assertThat(ring.sign(PURPOSE, MESSAGE)).isEqualTo(mac);
    }

    @Test
    void verifyWhenSignedUnderFallbackThenAccepted() {
        byte[] oldKey = randomSecret(32);
        byte[] newKey = randomSecret(32);
        byte[] macUnderOld = SecretKeyRing.of(oldKey).sign(PURPOSE, MESSAGE);

        assertThat(SecretKeyRing.of(newKey, oldKey).verify(PURPOSE, MESSAGE, macUnderOld)).isTrue();
        assertThat(SecretKeyRing.of(newKey).verify(PURPOSE, MESSAGE, macUnderOld)).isFalse();
    }

    @Test
    void signAlwaysUsesTheCurrentSecret() {
        byte[] oldKey = randomSecret(32);
        byte[] newKey = randomSecret(32);

        assertThat(SecretKeyRing.of(newKey, oldKey).sign(PURPOSE, MESSAGE))
                .isEqualTo(SecretKeyRing.of(newKey).sign(PURPOSE, MESSAGE));
    }

    @Test
    void verifyWhenPurposeOrMessageDiffersThenRejected() {
        SecretKeyRing ring = SecretKeyRing.generate(new SecureRandom());
        byte[] mac = ring.sign(PURPOSE, MESSAGE);

        assertThat(ring.verify("gatehouse.other", MESSAGE, mac)).isFalse();
        assertThat(ring.verify(PURPOSE, "other".getBytes(StandardCharsets.UTF_8), mac)).isFalse();
    }

    @Test
    void verifyWhenMacTamperedOrTruncatedThenFalseNeverThrows() {
        SecretKeyRing ring = SecretKeyRing.generate(new SecureRandom());
        byte[] mac = ring.sign(PURPOSE, MESSAGE);
        byte[] firstBitFlipped = mac.clone();
        firstBitFlipped[0] ^= 1;
        byte[] lastBitFlipped = mac.clone();
        lastBitFlipped[31] ^= 1;

        assertThat(ring.verify(PURPOSE, MESSAGE, mac)).isTrue();
        assertThat(ring.verify(PURPOSE, MESSAGE, firstBitFlipped)).isFalse();
        assertThat(ring.verify(PURPOSE, MESSAGE, lastBitFlipped)).isFalse();
        assertThat(ring.verify(PURPOSE, MESSAGE, Arrays.copyOf(mac, 16))).isFalse();
        assertThat(ring.verify(PURPOSE, MESSAGE, new byte[0])).isFalse();
        assertThat(ring.verify(PURPOSE, MESSAGE, Arrays.copyOf(mac, 33))).isFalse();
    }

    @Test
    void signWhenPurposeBlankThenRejected() {
        SecretKeyRing ring = SecretKeyRing.generate(new SecureRandom());
        assertThatThrownBy(() -> ring.sign(" ", MESSAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("purpose must not be blank");
    }

    @Test
    void toStringShowsCountsOnlyNeverKeyBytes() {
        String secret = Base64.getEncoder().encodeToString(randomSecret(48));
        byte[] raw = Base64.getDecoder().decode(secret);
        SecretKeyRing ring = SecretKeyRing.fromBase64(secret, Base64.getEncoder().encodeToString(randomSecret(32)));

        assertThat(ring.toString())
                .isEqualTo("SecretKeyRing[current=1, fallbacks=1]")
                .doesNotContain(secret)
                .doesNotContain(HexFormat.of().formatHex(raw));
    }
}
