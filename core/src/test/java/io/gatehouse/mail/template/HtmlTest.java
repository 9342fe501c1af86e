package io.gatehouse.mail.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapeReplacesTheFiveCharactersThatEndTextOrAttributes() {
        assertThat(Html.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    }

    @Test
    void escapeKeepsEverythingElseIncludingKorean() {
        String plain = "민수 https://example.com/a?b=c#d;e";
        assertThat(Html.escape(plain)).isSameAs(plain);
    }

    @Test
    void escapeOfAnAlreadyEscapedValueEscapesAgain() {
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    }
}
