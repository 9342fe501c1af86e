package io.gatehouse.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md invariants 7 (input) and 8 (no secret in toString) for the login values. */
class LoginRequestTest {
    private static final String PASSWORD = LoginFixture.PASSWORD;
    private static final String SESSION_ID = "Zx9".repeat(14) + "Q";

    @Test
    void ofWhenLoginNullThenNullPointerNamingLogin() {
        assertThatThrownBy(() -> LoginRequest.of(null, PASSWORD)).isInstanceOf(NullPointerException.class)
                .hasMessage("login");
    }

    @Test
    void ofWhenPasswordNullThenNullPointerNamingPassword() {
        assertThatThrownBy(() -> LoginRequest.of("alice", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("password");
    }

    @Test
    void fromWhenAddressNullThenNullPointerNamingClientAddress() {
        assertThatThrownBy(() -> LoginRequest.of("alice", PASSWORD).from(null))
                .isInstanceOf(NullPointerException.class).hasMessage("clientAddress");
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7\r\nX-Forwarded-For: 1.2.3.4", "203.0.113.7\n", "203.0.113.7\r",
            "203.0.113.7\u0000", "203.0.113.7 ", "\t203.0.113.7"})
    void fromWhenAddressHasControlCharactersOrSpacesThenInvalidInputNamingClientAddress(String address) {
        assertThatThrownBy(() -> LoginRequest.of("alice", PASSWORD).from(address))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("clientAddress");
                    assertThat(e.code()).isEqualTo("client_address_invalid");
                });
    }

    @Test
    void fromAcceptsSixtyFourCharactersAndRefusesSixtyFive() {
        String longest = "f".repeat(LoginRequest.MAX_ADDRESS_LENGTH);

        assertThat(LoginRequest.of("alice", PASSWORD).from(longest).clientAddress()).isEqualTo(longest);
        assertThatThrownBy(() -> LoginRequest.of("alice", PASSWORD).from(longest + "f"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("clientAddress"))
                .hasMessageContaining("64 characters");
    }

    @Test
    void fromAcceptsAnIpv6AddressWithAZone() {
        assertThat(LoginRequest.of("alice", PASSWORD).from("fe80::1ff:fe23:4567:890a%eth0").clientAddress())
                .isEqualTo("fe80::1ff:fe23:4567:890a%eth0");
    }

    @Test
    void withersKeepEveryOtherComponent() {
        LoginRequest request = LoginRequest.of("alice", PASSWORD).from("203.0.113.7").rememberMe(true)
                .replacing(SESSION_ID);

        assertThat(request).isEqualTo(new LoginRequest("alice", PASSWORD, "203.0.113.7", true, SESSION_ID));
    }

    @Test
    void toStringLeavesOutThePasswordAndThePreviousSessionId() {
        LoginRequest request = LoginRequest.of("alice", PASSWORD).from("203.0.113.7").rememberMe(true)
                .replacing(SESSION_ID);

        assertThat(request.toString()).contains("alice", "203.0.113.7").doesNotContain(PASSWORD)
                .doesNotContain(SESSION_ID);
    }

    @Test
    void toStringCutsAHugeLogin() {
        assertThat(LoginRequest.of("x".repeat(10_000), PASSWORD).toString()).hasSizeLessThan(300);
    }

    @Test
    void successToStringLeavesOutThePasswordItsHashAndTheRawSessionId() {
        LoginFixture fx = new LoginFixture();
        fx.alice();

        LoginResult.Success success = (LoginResult.Success) fx.login("alice", PASSWORD);

        assertThat(success.toString()).contains("alice")
                .doesNotContain(PASSWORD)
                .doesNotContain(success.session().id())
                .doesNotContain(success.user().passwordHash());
    }
}
