package io.gatehouse.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hashes made by real Django 3.2.25 (shared/vectors, copied to test resources) verify exactly as Django says.
 *
 * <p>Cases marked {@code either} are plain bcrypt with passwords sharing the first 72 bytes of the real one;
 * Gatehouse deliberately accepts them like Django (see {@code LegacyBcryptHasher}), so they must verify.
 */
@Execution(ExecutionMode.CONCURRENT)
class DjangoVectorsTest {

    private static final PasswordHasher HASHER = PasswordHashers.defaults();

    record Case(String name, String encoded, String password, boolean mustVerify, boolean either) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        String json;
        try (InputStream in = Objects.requireNonNull(
                DjangoVectorsTest.class.getResourceAsStream("/vectors/django-password-hashes.json"), "vectors")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<?, ?> root = (Map<?, ?>) Objects.requireNonNull(MiniJson.parse(json));
        List<?> raw = (List<?>) Objects.requireNonNull(root.get("cases"));
        return raw.stream().map(o -> toCase((Map<?, ?>) o)).toList();
    }

    private static Case toCase(Map<?, ?> m) {
        String name = m.get("variant") + " / " + m.get("password_id") + " / " + m.get("candidate_kind")
                + " #" + m.get("case_id");
        String password = decodeUtf8((String) m.get("password_hex"));
        assertThat(password).as("password_hex agrees with password in %s", name).isEqualTo(m.get("password"));
        return new Case(name, (String) m.get("encoded"), password, (Boolean) m.get("must_verify"),
                Boolean.TRUE.equals(m.get("either")));
    }

    private static String decodeUtf8(String hex) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(HexFormat.of().parseHex(hex)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("vector password is not valid UTF-8: " + hex, e);
        }
    }

    static Stream<Case> allCases() throws IOException {
        return cases().stream();
    }

    @Test
    void vectorFileHasEveryCase() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSize(522);
        assertThat(cases).filteredOn(Case::either).hasSize(12).allMatch(Case::mustVerify);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void matchesAgreesWithDjango(Case c) {
        assertThat(HASHER.recognizes(c.encoded())).isTrue();
        assertThat(HASHER.matches(c.password(), c.encoded())).isEqualTo(c.mustVerify());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void needsRehashForEveryDjangoHash(Case c) {
        // Django's default cost is 12 and ours is 11, so even Django's bcrypt_sha256 hashes are upgraded.
        assertThat(HASHER.needsRehash(c.encoded())).isTrue();
    }
}
