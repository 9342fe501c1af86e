package io.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import io.gatehouse.testing.PlainMailTemplates;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountFlowSettingsTest {
    private static final String FROM = "Example <no-reply@example.org>";

    private static AccountFlowSettings settings(String baseUrl) {
        return AccountFlowSettings.builder(baseUrl, FROM).templates(new PlainMailTemplates()).build();
    }

    @Test
    void defaultsAreProtectedThreeMinutesAndTheDocumentedPaths() {
        AccountFlowSettings s = settings("https://example.org");

        assertThat(s.enumerationProtection()).isTrue();
        assertThat(s.resendCooldown()).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.verifyEmailPath()).isEqualTo("/verify/{uid}/{token}");
        assertThat(s.resetPasswordPath()).isEqualTo("/password/reset/{uid}/{token}");
        assertThat(s.confirmEmailChangePath()).isEqualTo("/account/email/confirm/{uid}/{token}");
        assertThat(s.loginPath()).isEqualTo("/login");
        assertThat(s.requestResetPath()).isEqualTo("/password/reset");
        assertThat(s.from().address()).isEqualTo("no-reply@example.org");
        assertThat(s.from().displayName()).isEqualTo("Example");
    }

    @ParameterizedTest
    @CsvSource({
        "https://example.org, https://example.org",
        "https://example.org/, https://example.org",
        "https://example.org///, https://example.org",
        "HTTPS://Example.ORG/App/, https://example.org/App",
        "https://example.org:8443/app, https://example.org:8443/app",
        "http://localhost:8080/, http://localhost:8080",
        "http://127.0.0.1:8080, http://127.0.0.1:8080",
        "http://[::1]:8080, http://[::1]:8080",
        "https://xn--9n2bp8q.example, https://xn--9n2bp8q.example",
    })
    void baseUrlIsNormalised(String given, String expected) {
        assertThat(settings(given).baseUrl()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "example.org", "/relative", "//example.org", "ftp://example.org", "javascript:alert(1)",
        "http://example.org", "http://localhost.evil.example", "http://127.0.0.1.nip.io",
        "https://user:pass@example.org", "https://example.org?next=x", "https://example.org/#top",
        "https://exa mple.org", "https://example.org/a//b", "https://예시.kr", "https:///path",
        "https://example.org\r\nX: y"
    })
    void baseUrlRefusesWhatIsNotAnAbsoluteSafeHttpsUrl(String bad) {
        assertThatThrownBy(() -> settings(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("baseUrl ").hasMessageNotContaining("\r").hasMessageNotContaining("\n");
    }

    @Test
    void plainHttpIsRefusedWithAMessageSayingWhy() {
        assertThatThrownBy(() -> settings("http://example.org")).hasMessage("baseUrl \"http://example.org\" is not "
                + "valid: plain http is allowed only for localhost, 127.0.0.1 and [::1]; use https.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "verify/{uid}/{token}", "//evil.example/{uid}/{token}", "/verify/{uid}", "/verify/{token}",
        "/v/{uid}/{uid}/{token}", "/v/{uid}/{token} x", "/v\\{uid}/{token}", "/v/{uid}/{token}#x",
        "/v/{uid}/{token}\r\n", "/v/é/{uid}/{token}"
    })
    void tokenPathsMustStartWithOneSlashAndHoldBothPlaceholders(String bad) {
        AccountFlowSettings.Builder b = AccountFlowSettings.builder("https://example.org", FROM);
        assertThatThrownBy(() -> b.verifyEmailPath(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("verifyEmailPath ");
        assertThatThrownBy(() -> b.resetPasswordPath(bad)).hasMessageStartingWith("resetPasswordPath ");
        assertThatThrownBy(() -> b.confirmEmailChangePath(bad)).hasMessageStartingWith("confirmEmailChangePath ");
    }

    @Test
    void pathsCanBeChanged() {
        AccountFlowSettings s = AccountFlowSettings.builder("https://example.org", FROM)
                .templates(new PlainMailTemplates())
                .verifyEmailPath("/activate?u={uid}&t={token}")
                .resetPasswordPath("/r/{token}/{uid}")
                .confirmEmailChangePath("/e/{uid}/{token}/")
                .loginPath("/accounts/login/")
                .requestResetPath("/accounts/forgot")
                .build();

        assertThat(s.verifyEmailPath()).isEqualTo("/activate?u={uid}&t={token}");
        assertThat(s.resetPasswordPath()).isEqualTo("/r/{token}/{uid}");
        assertThat(s.loginPath()).isEqualTo("/accounts/login/");
        assertThat(s.requestResetPath()).isEqualTo("/accounts/forgot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "login", "//evil.example", "@evil.example", "/a b"})
    void plainPathsMustStartWithOneSlash(String bad) {
        AccountFlowSettings.Builder b = AccountFlowSettings.builder("https://example.org", FROM);
        assertThatThrownBy(() -> b.loginPath(bad)).hasMessageStartingWith("loginPath ");
        assertThatThrownBy(() -> b.requestResetPath(bad)).hasMessageStartingWith("requestResetPath ");
    }

    @Test
    void fromMustBeAMailbox() {
        assertThatThrownBy(() -> AccountFlowSettings.builder("https://example.org", "not a mailbox"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AccountFlowSettings.builder("https://example.org", "a@example.org\r\nBcc: x@y.z"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void cooldownMustBePositive() {
        AccountFlowSettings.Builder b = AccountFlowSettings.builder("https://example.org", FROM);
        assertThatThrownBy(() -> b.resendCooldown(Duration.ZERO)).hasMessageStartingWith("resendCooldown ");
        assertThatThrownBy(() -> b.resendCooldown(Duration.ofSeconds(-1))).hasMessageStartingWith("resendCooldown ");
    }

    @Test
    void withoutTemplatesTheDefaultsAreUsedUnderTheSendersDisplayName() {
        AccountFlowSettings s = AccountFlowSettings.builder("https://example.org", FROM).build();

        assertThat(s.templates().accountExists(user(), "https://example.org/login", "https://example.org/r")
                .subject()).isEqualTo("[Example] You already have an account");
    }

    @Test
    void withoutTemplatesOrDisplayNameTheSiteNameIsTheHost() {
        AccountFlowSettings s = AccountFlowSettings.builder("https://shop.example.org/app", "no-reply@example.org")
                .build();

        assertThat(s.templates().passwordChanged(user()).subject()).startsWith("[shop.example.org] ");
    }

    @Test
    void theSiteNameCanBeSet() {
        AccountFlowSettings s = AccountFlowSettings.builder("https://example.org", FROM).siteName("Example Shop")
                .build();

        assertThat(s.templates().passwordChanged(user()).subject()).startsWith("[Example Shop] ");
    }

    @Test
    void aSiteNameThatCannotHeadASubjectIsRefusedAtBuild() {
        AccountFlowSettings.Builder b = AccountFlowSettings.builder("https://example.org", FROM)
                .siteName("Example\r\nBcc: evil@example.com");

        assertThatThrownBy(b::build).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("siteName");
    }

    private static io.gatehouse.user.User user() {
        return io.gatehouse.user.UserBuilder.create("minsu", "minsu@example.kr", "!unusable",
                java.time.Instant.parse("2026-01-01T00:00:00Z")).build().withId(1);
    }
}
