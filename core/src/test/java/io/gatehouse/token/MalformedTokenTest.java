package io.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.testing.MutableClock;
import io.gatehouse.user.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Junk from a link is just an invalid token: never an exception, never a pass. */
class MalformedTokenTest {
    private static final TokenPurpose RESET = TokenPurpose.PASSWORD_RESET;
    private static final String NASTY = "=+/ \t\r\n\u0000%.~:-_0zZ\u0663\uff11\u00e9\u200b\ud800\udc00\ufeff";

    private final MutableClock clock = MutableClock.at(TokenGeneratorTest.T0);
    private final TokenGenerator tokens =
            TokenGenerator.create(SecretKeyRing.of(TokenGeneratorTest.secret()), clock);
    private final User alice = TokenGeneratorTest.user(7, "alice");
    private final String valid = tokens.make(alice, RESET);
    private final String mac = valid.substring(valid.indexOf('-') + 1);

    @ParameterizedTest
    @ValueSource(strings = {
        "", "-", "--", " ", "\r\n", "0", "a-", "-abc",
        "zzzzzzzzzzzzzzzzzzzz-abc",
        "zzzzzzzzzzzzz-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "99999999999999999999999999999999-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "-1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "+1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "1-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
        "1--AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "null", "undefined", "%00", "<script>",
    })
    void checkWhenMalformedThenInvalid(String token) {
        assertThat(tokens.check(alice, RESET, token)).isFalse();
        assertThat(tokens.check(alice, RESET, token, token)).isFalse();
    }

    @Test
    void checkWhenTheValidMacIsWrappedOrRespelledThenInvalid() {
        String ts = valid.substring(0, valid.indexOf('-'));
        List<String> variants = List.of(
                "0" + valid, ts.toUpperCase() + "-" + mac, "+" + valid, valid + "=", valid + "==", " " + valid,
                valid + " ", valid + "\r\n", valid + "\n", "\t" + valid, valid + "-", ts + "--" + mac,
                ts + "." + mac, ts + ":" + mac, ts + "-" + mac.replace('-', '+').replace('_', '/'),
                valid.replace(ts, ts.replace('1', '\u0661')), valid.replace(ts, ts.replace('1', '\uff11')),
                valid.substring(0, valid.length() - 1), ts + "-" + mac + mac.charAt(0));

        for (String variant : variants) {
            if (!variant.equals(valid)) {
                assertThat(tokens.check(alice, RESET, variant)).as(variant).isFalse();
            }
        }
        assertThat(tokens.check(alice, RESET, valid)).isTrue();
    }

    @Test
    void checkWhenUnusedLowBitsOfLastMacCharacterSetThenInvalid() {
        // 43 base64 characters carry 258 bits for a 256-bit MAC; a lenient decoder would accept four spellings.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(valid.charAt(valid.length() - 1));
        for (int lowBits = 1; lowBits < 4; lowBits++) {
            String respelled = valid.substring(0, valid.length() - 1) + alphabet.charAt(last ^ lowBits);

            assertThat(tokens.check(alice, RESET, respelled)).as(respelled).isFalse();
        }
    }

    @Test
    void checkWhenTenThousandGarbledStringsThenAllInvalidAndNoneThrows() {
        Random random = new Random(20260301);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            inputs.add(randomBytes(random));
            inputs.add(randomCodePoints(random));
            inputs.add(mutate(random, valid));
            inputs.add(randomShaped(random));
            inputs.add(hugeTimestamp(random));
        }

        assertThat(inputs).hasSize(10_000);
        for (String input : inputs) {
            assertThatCode(() -> {
                assertThat(tokens.check(alice, RESET, input)).as(input).isFalse();
                assertThat(tokens.check(alice, RESET, input, valid)).as(input).isFalse();
                assertThat(tokens.check(alice, TokenPurpose.EMAIL_CHANGE, input, input)).as(input).isFalse();
            }).doesNotThrowAnyException();
        }
    }

    private static String randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(80)];
        random.nextBytes(bytes);
        return new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private static String randomCodePoints(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(70);
        for (int i = 0; i < length; i++) {
            // Any char, lone surrogates included.
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    private static String mutate(Random random, String token) {
        StringBuilder text = new StringBuilder(token);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            char c = NASTY.charAt(random.nextInt(NASTY.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, c);
                case 1 -> text.deleteCharAt(Math.min(at, text.length() - 1));
                default -> text.setCharAt(Math.min(at, text.length() - 1), c);
            }
        }
        String mutated = text.toString();
        // A mutation that happens to be a no-op (e.g. deleting and re-inserting '-') is not garbage.
        return mutated.equals(token) ? mutated + "=" : mutated;
    }

    private static String randomShaped(Random random) {
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
        StringBuilder text = new StringBuilder();
        int tsLength = random.nextInt(14);
        for (int i = 0; i < tsLength; i++) {
            text.append(alphabet.charAt(random.nextInt(36)));
        }
        text.append('-');
        int macLength = 40 + random.nextInt(7);
        for (int i = 0; i < macLength; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String hugeTimestamp(Random random) {
        String prefix = random.nextBoolean() ? "-" : random.nextBoolean() ? "0" : "";
        return prefix + "z".repeat(13 + random.nextInt(30)) + "-" + "A".repeat(random.nextInt(50));
    }
}
