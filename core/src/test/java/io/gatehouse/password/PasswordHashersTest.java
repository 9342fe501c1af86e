package io.gatehouse.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashersTest {

    private static final PasswordHasher HASHER = PasswordHashers.forTesting();
    private static final String A72 = "a".repeat(72);

    @Test
    void encodeWritesDjangoBcryptSha256WithVersion2b() {
        assertThat(HASHER.encode("secret")).startsWith("bcrypt_sha256$$2b$04$").hasSize(14 + 60);
    }

    @Test
    void matchesWhenSamePasswordThenTrue() {
        String encoded = HASHER.encode("correct horse");
        assertThat(HASHER.matches("correct horse", encoded)).isTrue();
        assertThat(HASHER.recognizes(encoded)).isTrue();
    }

    @Test
    void matchesWhenPasswordChangedThenFalse() {
        String encoded = HASHER.encode("correct horse");
        assertThat(HASHER.matches("correct horsf", encoded)).isFalse();
        assertThat(HASHER.matches("", encoded)).isFalse();
    }

    @Test
    void matchesWhenEmptyOrUnicodePasswordThenRoundTrips() {
        for (String password : new String[] {"", "\0", "비밀번호", "👨‍👩‍👧‍👦", "café"}) {
            assertThat(HASHER.matches(password, HASHER.encode(password))).as(password).isTrue();
        }
        assertThat(HASHER.matches("\0", HASHER.encode(""))).isFalse();
    }

    @Test
    void encodeWhenSamePasswordTwiceThenSaltsDiffer() {
        assertThat(HASHER.encode("same")).isNotEqualTo(HASHER.encode("same"));
    }

    /** Invariant 1, as the attack: bcrypt's 72-byte limit must not make a 73rd byte irrelevant. */
    @Test
    void matchesWhenOnlyTheByteAfter72DiffersThenFalse() {
        String encoded = HASHER.encode(A72 + "b");
        assertThat(HASHER.matches(A72 + "b", encoded)).isTrue();
        assertThat(HASHER.matches(A72 + "c", encoded)).isFalse();
        assertThat(HASHER.matches(A72, encoded)).isFalse();
        assertThat(HASHER.matches(A72, HASHER.encode(A72))).isTrue();
    }

    @Test
    void needsRehashWhenCurrentOutputThenFalse() {
        PasswordHasher hasher = PasswordHashers.bcryptSha256(10);
        assertThat(hasher.needsRehash(hasher.encode("x"))).isFalse();
        assertThat(HASHER.needsRehash(HASHER.encode("x"))).isFalse();
    }

    @Test
    void needsRehashWhenCostLowerOrHigherThenTrue() {
        PasswordHasher cost10 = PasswordHashers.bcryptSha256(10);
        String cost4 = HASHER.encode("x");
        assertThat(cost10.needsRehash(cost4)).isTrue();
        assertThat(cost10.matches("x", cost4)).isTrue();
        assertThat(HASHER.needsRehash(cost10.encode("x"))).isTrue();
    }

    @Test
    void needsRehashWhenOtherFormatOrUnrecognizedThenTrue() {
        PasswordHasher pbkdf2 = PasswordHashers.pbkdf2Sha256(100_000);
        String encoded = pbkdf2.encode("x");
        assertThat(encoded).startsWith("pbkdf2_sha256$100000$");
        assertThat(pbkdf2.needsRehash(encoded)).isFalse();
        assertThat(HASHER.needsRehash(encoded)).isTrue();
        assertThat(HASHER.matches("x", encoded)).isTrue();
        assertThat(pbkdf2.needsRehash(HASHER.encode("x"))).isTrue();
        assertThat(HASHER.needsRehash("")).isTrue();
        assertThat(HASHER.needsRehash(PasswordHashers.unusable())).isTrue();
    }

    @Test
    void matchesWhenPlainBcryptVersions2a2b2yThenSameResult() {
        String bcrypt = legacyBcrypt("secret");
        String body = bcrypt.substring(4);
        for (String version : new String[] {"$2a$", "$2b$", "$2y$"}) {
            assertThat(HASHER.recognizes(version + body)).as(version).isTrue();
            assertThat(HASHER.matches("secret", version + body)).as(version).isTrue();
            assertThat(HASHER.matches("secreT", version + body)).as(version).isFalse();
            assertThat(HASHER.matches("secret", "bcrypt$" + version + body)).as(version).isTrue();
            assertThat(HASHER.needsRehash(version + body)).as(version).isTrue();
        }
    }

    @Test
    void matchesWhenVersion2xThenRefused() {
        String twoX = "$2x$" + legacyBcrypt("secret").substring(4);
        assertThat(HASHER.recognizes(twoX)).isFalse();
        assertThat(HASHER.matches("secret", twoX)).isFalse();
        assertThat(HASHER.matches("secret", "bcrypt$" + twoX)).isFalse();
        assertThat(HASHER.matches("secret", "bcrypt_sha256$" + twoX)).isFalse();
    }

    @Test
    void matchesWhenPlainBcryptAndPasswordHasNulThenFalse() {
        String bcrypt = legacyBcrypt("pass\0word");
        assertThat(HASHER.recognizes(bcrypt)).isTrue();
        assertThat(HASHER.matches("pass\0word", bcrypt)).isFalse();
        assertThat(HASHER.matches("pass", bcrypt)).isFalse();
    }

    /** Documented decision: plain bcrypt (verify only) keeps Django's 72-byte truncation. */
    @Test
    void matchesWhenPlainBcryptAndSameFirst72BytesThenTrueLikeDjango() {
        String bcrypt = legacyBcrypt(A72 + "b");
        assertThat(HASHER.matches(A72 + "c", bcrypt)).isTrue();
        assertThat(HASHER.matches(A72.substring(1), bcrypt)).isFalse();
        assertThat(HASHER.needsRehash(bcrypt)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "x", "$", "!", "pbkdf2_sha256$", "pbkdf2_sha256$$$", "pbkdf2_sha256$abc$salt$hash",
        "pbkdf2_sha256$1000$salt$hash", "pbkdf2_sha256$-1$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2_sha256$0$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2_sha256$999999999999$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2_sha256$10000001$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2_sha256$1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2_sha256$1000$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2_sha256$1000$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$extra",
        "pbkdf2_sha1$1000$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2_sha512$1000$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "bcrypt_sha256$garbage", "bcrypt_sha256$", "bcrypt$", "bcrypt$garbage",
        "$2a$", "$2a$10$short", "$2a$03$abcdefghijklmnopqrstuuKn9h3QyQb0J3zl6iTI5rU8kjBq6bQh6",
        "$2a$32$abcdefghijklmnopqrstuuKn9h3QyQb0J3zl6iTI5rU8kjBq6bQh6",
        "$2a$21$abcdefghijklmnopqrstuuKn9h3QyQb0J3zl6iTI5rU8kjBq6bQh6",
        "$2a$10$abcdefghijklmnopqrst\u00e9uKn9h3QyQb0J3zl6iTI5rU8kjBq6bQh",
        "$2a$10$abcdefghijklmnopqrst\u0080uKn9h3QyQb0J3zl6iTI5rU8kjBq6bQh",
        "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA",
        "md5$salt$0123456789abcdef0123456789abcdef", "sha1$salt$0123456789abcdef0123456789abcdef01234567",
        "!abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
    })
    void matchesWhenEncodedMalformedOrRefusedThenFalseWithoutThrowing(String encoded) {
        assertThat(HASHER.recognizes(encoded)).isFalse();
        assertThat(HASHER.matches("password", encoded)).isFalse();
        assertThat(HASHER.matches("", encoded)).isFalse();
        assertThat(HASHER.needsRehash(encoded)).isTrue();
    }

    @Test
    void matchesWhenPbkdf2IterationsAtCapThenRecognizedButNotOverCap() {
        String hash = "$salt$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assertThat(HASHER.recognizes("pbkdf2_sha256$10000000" + hash)).isTrue();
        assertThat(HASHER.recognizes("pbkdf2_sha256$10000001" + hash)).isFalse();
        assertThat(HASHER.recognizes("pbkdf2_sha256$010000" + hash)).isFalse();
    }

    @Test
    void matchesWhenPasswordHasLoneSurrogateThenFalse() {
        String encoded = HASHER.encode("a");
        assertThat(HASHER.matches("\uD800", encoded)).isFalse();
        assertThat(HASHER.matches("a\uDC00", encoded)).isFalse();
        assertThatThrownBy(() -> HASHER.encode("a\uD800"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raw")
                .hasMessageContaining("surrogate");
    }

    @Test
    void matchesWhenPasswordLongerThan4096CharsThenFalseAndEncodeRefuses() {
        String max = "p".repeat(4096);
        assertThat(HASHER.matches(max, HASHER.encode(max))).isTrue();
        String tooLong = max + "p";
        assertThat(HASHER.matches(tooLong, HASHER.encode(max))).isFalse();
        assertThatThrownBy(() -> HASHER.encode(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("raw is 4097 characters long")
                .hasMessageNotContaining("pppp");
    }

    @Test
    void unusableWhenCreatedThenMatchesNothingAndIsFresh() {
        String unusable = PasswordHashers.unusable();
        assertThat(unusable).startsWith("!").hasSize(41).isNotEqualTo(PasswordHashers.unusable());
        assertThat(PasswordHashers.isUsable(unusable)).isFalse();
        assertThat(PasswordHashers.isUsable(HASHER.encode("x"))).isTrue();
        assertThat(HASHER.recognizes(unusable)).isFalse();
        assertThat(HASHER.matches(unusable, unusable)).isFalse();
        assertThat(HASHER.matches("", "!")).isFalse();
    }

    @Test
    void toStringWhenHasherThenShowsAlgorithmAndCostOnly() {
        assertThat(PasswordHashers.defaults()).hasToString(
                "PasswordHasher[delegating, encodes with PasswordHasher[bcrypt_sha256, cost=11]]");
        assertThat(PasswordHashers.pbkdf2Sha256(260_000).toString()).contains("pbkdf2_sha256, iterations=260000");
    }

    @Test
    void factoriesWhenWorkFactorTooLowOrHighThenIllegalArgumentNamingIt() {
        assertThatThrownBy(() -> PasswordHashers.bcryptSha256(9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cost is 9")
                .hasMessageContaining("forTesting");
        assertThatThrownBy(() -> PasswordHashers.bcryptSha256(32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cost is 32");
        assertThatThrownBy(() -> new BcryptSha256Hasher(3, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cost is 3");
        assertThatThrownBy(() -> PasswordHashers.pbkdf2Sha256(99_999))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("iterations is 99999");
        assertThatThrownBy(() -> PasswordHashers.pbkdf2Sha256(10_000_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("iterations is 10000001");
    }

    @Test
    void defaultsWhenCalledThenV1AtCost11() {
        assertThat(PasswordHashers.defaults().toString()).isEqualTo(PasswordHashers.v1().toString());
        assertThat(PasswordHashers.V1_BCRYPT_COST).isEqualTo(11);
    }

    @Test
    void methodsWhenNullThenNullPointerNamingTheArgument() {
        assertThatNullPointerException().isThrownBy(() -> HASHER.encode(nullValue())).withMessage("raw");
        assertThatNullPointerException().isThrownBy(() -> HASHER.matches(nullValue(), "x")).withMessage("raw");
        assertThatNullPointerException().isThrownBy(() -> HASHER.matches("x", nullValue())).withMessage("encoded");
        assertThatNullPointerException().isThrownBy(() -> HASHER.needsRehash(nullValue())).withMessage("encoded");
        assertThatNullPointerException().isThrownBy(() -> HASHER.recognizes(nullValue())).withMessage("encoded");
    }

    @Test
    void countingHasherWhenLoginPathsThenCountsOnlyRealHashes() {
        CountingPasswordHasher counting = CountingPasswordHasher.forTesting();
        String encoded = counting.encode("x");
        counting.matches("x", encoded);
        counting.matches("x", PasswordHashers.unusable());
        counting.matches("x", "garbage");
        assertThat(counting.encodes()).isEqualTo(1);
        assertThat(counting.verifications()).isEqualTo(1);
        assertThat(counting.hashes()).isEqualTo(2);
        counting.reset();
        assertThat(counting.hashes()).isZero();
    }

    /** Makes a plain bcrypt string the way Django's BCryptPasswordHasher stores it (after "bcrypt$"). */
    private static String legacyBcrypt(String password) {
        return org.mindrot.jbcrypt.BCrypt.hashpw(password, org.mindrot.jbcrypt.BCrypt.gensalt(4));
    }

    private static <T> T nullValue() {
        return null;
    }
}
