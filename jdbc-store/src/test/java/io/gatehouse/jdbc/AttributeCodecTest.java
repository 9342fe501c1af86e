package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeCodecTest {
    @Test
    void encodesAsAJsonObjectInKeyOrder() {
        assertThat(AttributeCodec.encode(Map.of())).isEqualTo("{}");
        assertThat(AttributeCodec.encode(Map.of("b", "2", "a", "1"))).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void roundTripsEveryCharacterIncludingControlsQuotesAndNul() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            all.append(c);
        }
        Map<String, String> attributes = Map.of("all", all.toString(), "장바구니", "사과, 배", "emoji", "😀\uD83D\uDE00",
                "quote\"\\", "\\\"\\u0000", "empty", "");

        String encoded = AttributeCodec.encode(attributes);

        assertThat(encoded).doesNotContain("\u0000", "\n", "\r");
        assertThat(AttributeCodec.decode(encoded)).isEqualTo(attributes);
    }

    @Test
    void refusesTextItDidNotWrite() {
        for (String bad : new String[] {"", "{", "{\"a\"}", "{\"a\":1}", "{\"a\":\"\\x\"}", "{\"a\":\"b\"} ", "[]",
                "{\"a\":\"\\u12\"}"}) {
            assertThatThrownBy(() -> AttributeCodec.decode(bad)).as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("session attributes");
        }
    }
}
