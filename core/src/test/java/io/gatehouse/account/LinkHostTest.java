package io.gatehouse.account;

import static io.gatehouse.account.FlowsFixture.BASE_URL;
import static io.gatehouse.account.FlowsFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.outbox.OutboxMail;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Host-header attack: whatever a caller passes (addresses and names that look like other hosts), every link
 * in every mail is the configured base URL plus a configured path. No flow method takes a host or URL at all.
 */
class LinkHostTest {
    @Test
    void attackEveryLinkInEveryMailStartsWithTheConfiguredBaseUrl() {
        FlowsFixture fx = new FlowsFixture();
        fx.signUp().register(SignUpRequest.of("evil.example", "victim@evil.example", PASSWORD));
        fx.signUp().register(SignUpRequest.of("attacker.example", "victim@evil.example", PASSWORD));
        fx.verifiedUser("minsu", "minsu@example.kr");
        fx.signUp().register(SignUpRequest.of("https", "minsu@example.kr", PASSWORD));
        fx.advance(Duration.ofMinutes(3));
        fx.verification().resend("victim@evil.example");
        fx.reset().request("minsu@example.kr");
        String session = fx.login("minsu", PASSWORD);
        fx.emailChange().request(session, PASSWORD, "minsu@evil.example");

        assertThat(fx.mails()).hasSizeGreaterThanOrEqualTo(5);
        for (OutboxMail mail : fx.mails()) {
            assertThat(FlowsFixture.urls(mail)).isNotEmpty().allSatisfy(url -> {
                assertThat(url).startsWith(BASE_URL + "/");
                URI uri = URI.create(url);
                assertThat(uri.getScheme()).isEqualTo("https");
                assertThat(uri.getHost()).isEqualTo("accounts.example.org");
                assertThat(uri.getRawUserInfo()).isNull();
            });
        }
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsItInEveryLink() {
        FlowsFixture fx = new FlowsFixture();
        AccountFlowSettings settings = AccountFlowSettings.builder("https://example.org/app/", FlowsFixture.FROM)
                .templates(new io.gatehouse.testing.PlainMailTemplates()).build();
        AccountMail mail = AccountMail.create(fx.outboxStore, fx.tx, fx.throttleStore, fx.clock, settings);

        assertThat(mail.link(settings.verifyEmailPath(), 1, "tok")).isEqualTo("https://example.org/app/verify/MQ/tok");
        assertThat(mail.page(settings.loginPath())).isEqualTo("https://example.org/app/login");
    }
}
