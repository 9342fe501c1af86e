package io.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdCodecTest {
    @Test
    void encodeMatchesDjangoUrlsafeBase64Encode() {
        // Values from Django: urlsafe_base64_encode(force_bytes(pk)).
        assertThat(UserIdCodec.encode(1)).isEqualTo("MQ");
        assertThat(UserIdCodec.encode(42)).isEqualTo("NDI");
        assertThat(UserIdCodec.encode(123)).isEqualTo("MTIz");
        assertThat(UserIdCodec.encode(Long.MAX_VALUE)).isEqualTo("OTIyMzM3MjAzNjg1NDc3NTgwNw")
                .hasSize(UserIdCodec.MAX_ENCODED_LENGTH);
    }

    @Test
    void decodeReversesEncode() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            long id = 1 + (random.nextLong() & Long.MAX_VALUE - 1);
            String encoded = UserIdCodec.encode(id);

            assertThat(encoded).matches("[A-Za-z0-9_-]+");
            assertThat(UserIdCodec.decode(encoded)).contains(id);
        }
        assertThat(UserIdCodec.decode("MQ")).contains(1L);
        assertThat(UserIdCodec.decode("OTIyMzM3MjAzNjg1NDc3NTgwNw")).contains(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "MQ==", "MQ=", " MQ", "MQ ", "MQ\r\n", "M", "MR", "Mh", "MQM", "mq",
        "MA",                         // "0"
        "MDE",                        // "01"
        "LTE",                        // "-1"
        "KzE",                        // "+1"
        "MS41",                       // "1.5"
        "OTIyMzM3MjAzNjg1NDc3NTgwOA", // Long.MAX_VALUE + 1
        "OTIyMzM3MjAzNjg1NDc3NTgwNzA", // 27 characters
        "MQ+", "M/Q", "YWJj",         // "abc"
        "\u0663", "MQ\u0000",
    })
    void decodeWhenMalformedThenEmpty(String encoded) {
        assertThat(UserIdCodec.decode(encoded)).isEmpty();
    }

    @Test
    void decodeWhenNullOrHugeThenEmpty() {
        assertThat(UserIdCodec.decode(null)).isEmpty();
        assertThat(UserIdCodec.decode("MTIz".repeat(1_000_000))).isEmpty();
    }

    @Test
    void decodeWhenGarbageThenEmptyAndNeverThrows() {
        Random random = new Random(11);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ \r\n\u0663";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.append(i % 2 == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) random.nextInt(Character.MAX_VALUE + 1));
            }
            String input = text.toString();

            assertThatCode(() -> UserIdCodec.decode(input).ifPresent(id ->
                    assertThat(UserIdCodec.encode(id)).as("only canonical spellings decode").isEqualTo(input)))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void encodeWhenNotPositiveThenRejectedNamingId() {
        assertThatThrownBy(() -> UserIdCodec.encode(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id must be positive, was 0.");
        assertThatThrownBy(() -> UserIdCodec.encode(-1)).hasMessage("id must be positive, was -1.");
    }
}
