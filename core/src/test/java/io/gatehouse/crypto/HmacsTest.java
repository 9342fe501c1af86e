package io.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacsTest {
    private static final byte[] SECRET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN".getBytes(StandardCharsets.US_ASCII);

    @Test
    void saltedHmacMatchesDjangoSaltedHmacFormula() {
        // Expected value from Python: hmac.new(sha256(key_salt + secret).digest(), value, sha256), which is
        // django.utils.crypto.salted_hmac with algorithm="sha256".
        byte[] mac = Hmacs.saltedHmac("django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash", SECRET,
                "pbkdf2_sha256$600000$salt$hash".getBytes(StandardCharsets.UTF_8));

        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("de3225b8e0d8fd060cbedd5fb43d9d357dfe80c951841b5d58bd810700c528f2");
    }

    @Test
    void saltedHmacWhenPurposeDiffersThenMacDiffers() {
        byte[] message = {1, 2, 3};

        assertThat(Hmacs.saltedHmac("gatehouse.session.auth", SECRET, message))
                .isNotEqualTo(Hmacs.saltedHmac("gatehouse.password.reset", SECRET, message));
    }

    @Test
    void constantTimeEqualsComparesContentAndLength() {
        assertThat(Hmacs.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(Hmacs.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(Hmacs.constantTimeEquals(new byte[] {1, 2}, new byte[] {1})).isFalse();
        assertThat(Hmacs.constantTimeEquals(new byte[] {1, 2}, new byte[0])).isFalse();
    }
}
