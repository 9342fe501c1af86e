package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {
    @ParameterizedTest
    @ValueSource(strings = {"/members;x", "/..;/members", "/%2e/members", "/%2E%2E/members", "/./members",
            "/a/../members", "/a/..", "/a/.", "/members%2f", "/members%2Fx", "/members%5c", "/members\\x",
            "/members%25", "/members%252f", "/members%3b", "//members", "/members//x", "/members%00", "/members%0A",
            "/members%7f", "/members\u0000", "/members\tx", "/members\u0085", "/members%", "/members%2",
            "/members%g0", "members", "", "/members%C0", "/%C0%AE%C0%AE/members", "/%C0%AFmembers", "/%E9t%E9",
            "/%ED%A0%80"})
    void ambiguousRawPathsAreRecognised(String raw) {
        assertThat(RequestPaths.isAmbiguousRaw(raw)).as(raw.replace("\u0000", "\\0")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/members", "/members/", "/members/x.html", "/%6dembers", "/caf%C3%A9",
            "/with%20space", "/a.b/c..d/.well-known/x", "/100%2B", "/%E2%82%AC", "/rawé"})
    void unambiguousRawPathsPass(String raw) {
        assertThat(RequestPaths.isAmbiguousRaw(raw)).as(raw).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/members;x", "/a/../b", "//x", "/x\\y", "/x\u0001", "/.", "x"})
    void ambiguousDecodedPathsAreRecognised(String path) {
        assertThat(RequestPaths.isAmbiguousDecoded(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/members", "/members/", "/café", "/with space", "/a%2Fb"})
    void unambiguousDecodedPathsPass(String path) {
        assertThat(RequestPaths.isAmbiguousDecoded(path)).isFalse();
    }
}
