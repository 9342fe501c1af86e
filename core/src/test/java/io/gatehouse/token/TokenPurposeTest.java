package io.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenPurposeTest {
    @Test
    void defaultsHaveDistinctNamesAndDocumentedTimeouts() {
        assertThat(TokenPurpose.EMAIL_VERIFICATION).isEqualTo(
                new TokenPurpose("email-verification", Duration.ofDays(3)));
        assertThat(TokenPurpose.PASSWORD_RESET).isEqualTo(new TokenPurpose("password-reset", Duration.ofDays(3)));
        assertThat(TokenPurpose.EMAIL_CHANGE).isEqualTo(new TokenPurpose("email-change", Duration.ofDays(1)));
    }

    @Test
    void saltsAreDistinctAndPrefixed() {
        assertThat(TokenPurpose.PASSWORD_RESET.salt()).isEqualTo("gatehouse.token.password-reset");
        assertThat(TokenPurpose.EMAIL_VERIFICATION.salt()).isNotEqualTo(TokenPurpose.EMAIL_CHANGE.salt());
    }

    @Test
    void withTimeoutKeepsTheName() {
        TokenPurpose hour = TokenPurpose.PASSWORD_RESET.withTimeout(Duration.ofHours(1));

        assertThat(hour.name()).isEqualTo("password-reset");
        assertThat(hour.timeout()).isEqualTo(Duration.ofHours(1));
        assertThat(TokenPurpose.PASSWORD_RESET.timeout()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void whenTimeoutNotPositiveWholeSecondsThenRejectedNamingIt() {
        assertThatThrownBy(() -> TokenPurpose.PASSWORD_RESET.withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be a positive whole number of seconds, was PT0S.");
        assertThatThrownBy(() -> TokenPurpose.PASSWORD_RESET.withTimeout(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("timeout must be");
        assertThatThrownBy(() -> TokenPurpose.PASSWORD_RESET.withTimeout(Duration.ofMillis(1500)))
                .hasMessageStartingWith("timeout must be");
        assertThat(TokenPurpose.PASSWORD_RESET.withTimeout(Duration.ofSeconds(1)).timeout()).hasSeconds(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Password-reset", "1reset", "-reset", "reset link", "reset\n", "réset",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void whenNameBreaksTheRuleThenRejectedNamingIt(String name) {
        assertThatThrownBy(() -> new TokenPurpose(name, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name must be 1 to 64 characters");
    }

    @Test
    void whenNameAtLimitThenAccepted() {
        assertThat(new TokenPurpose("a".repeat(64), Duration.ofDays(1)).name()).hasSize(64);
        assertThat(new TokenPurpose("app.invite_v2-x", Duration.ofDays(1)).name()).isEqualTo("app.invite_v2-x");
    }

    @Test
    void whenNullThenNullPointerNamingIt() {
        assertThatThrownBy(() -> new TokenPurpose(null, Duration.ofDays(1))).hasMessage("name");
        assertThatThrownBy(() -> new TokenPurpose("x", null)).hasMessage("timeout");
    }
}
