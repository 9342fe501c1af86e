package io.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.account.AccountFlowSettings;
import io.gatehouse.account.SignUpRequest;
import io.gatehouse.account.SignUpResult;
import io.gatehouse.account.VerificationResult;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.outbox.InMemoryMailOutbox;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.permission.Subject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Through the facade, as an application would: sign up, read the mail from the outbox, follow the link, log in. */
class AccountFlowsEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
            .passwordHasher(PasswordHashers.forTesting())
            .mailOutbox(outbox)
            .accountFlows(AccountFlowSettings.builder("https://example.org/", "Example <no-reply@example.org>")
                    .build()) // the default templates: English, and Korean for users whose locale is ko
            .build();

    @Test
    void signUpThenFollowTheMailedLinkThenLogIn() {
        SignUpResult signUp = gatehouse.signUp().register(SignUpRequest.of("minsu", "minsu@example.kr", PASSWORD));
        assertThat(signUp.isAccepted()).isTrue();
        assertThat(gatehouse.authenticator().login(LoginRequest.of("minsu", PASSWORD)))
                .isInstanceOf(LoginResult.NotVerified.class);

        // A delivery worker claims the mail from the outbox; the user opens it and clicks the link.
        List<OutboxMail> due = outbox.claim(Instant.now(), Duration.ofMinutes(1), 10);
        assertThat(due).hasSize(1);
        assertThat(due.get(0).message().to()).extracting(a -> a.address()).containsExactly("minsu@example.kr");
        assertThat(due.get(0).message().subject()).isEqualTo("[Example] Please confirm your email address");
        assertThat(due.get(0).message().html()).isPresent();
        Matcher link = Pattern.compile("https://example\\.org/verify/([^/\\s]+)/([^/\\s]+)")
                .matcher(due.get(0).message().text());
        assertThat(link.find()).isTrue();
        String path = URI.create(link.group()).getPath();
        String[] parts = path.split("/");

        VerificationResult verified = gatehouse.verification().verify(parts[2], parts[3]);
        assertThat(verified).isInstanceOf(VerificationResult.Verified.class);

        LoginResult login = gatehouse.authenticator().login(LoginRequest.of("minsu@example.kr", PASSWORD));
        assertThat(login).isInstanceOf(LoginResult.Success.class);
        Subject subject = gatehouse.subject(((LoginResult.Success) login).session().id());
        assertThat(subject.user()).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("minsu"));
    }

    @Test
    void flowsWithoutSettingsFailWithAMessageSayingHowToConfigureThem() {
        Gatehouse plain = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                .passwordHasher(PasswordHashers.forTesting()).build();

        assertThatThrownBy(plain::signUp).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accountFlows(");
        assertThatThrownBy(plain::verification).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(plain::passwordReset).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(plain::emailChange).isInstanceOf(IllegalStateException.class);
    }
}
