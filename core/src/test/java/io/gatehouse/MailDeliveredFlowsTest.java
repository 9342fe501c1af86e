package io.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.account.AccountFlowSettings;
import io.gatehouse.account.EmailChangeRequestResult;
import io.gatehouse.account.EmailChangeResult;
import io.gatehouse.account.ResetResult;
import io.gatehouse.account.SignUpRequest;
import io.gatehouse.account.VerificationResult;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.InMemoryMailer;
import io.gatehouse.outbox.InMemoryMailOutbox;
import io.gatehouse.outbox.OutboxWorker;
import io.gatehouse.password.PasswordHashers;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every mailed flow the way a user lives it: the flow queues its mail, the delivery worker hands it to a
 * mailer, and the test reads the delivered message (text and HTML) and follows the link in it.
 */
class MailDeliveredFlowsTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a completely different secret";

    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final InMemoryMailer mailer = new InMemoryMailer();
    private final OutboxWorker worker = OutboxWorker.builder(outbox, mailer, Clock.systemUTC()).build();
    private final Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
            .passwordHasher(PasswordHashers.forTesting())
            .mailOutbox(outbox)
            .accountFlows(AccountFlowSettings.builder("https://example.org", "Example <no-reply@example.org>").build())
            .build();

    /** Delivers what is due and returns the one message that reached {@code address}. */
    private EmailMessage deliveredTo(String address) {
        mailer.clear();
        worker.drain();
        List<EmailMessage> mail = mailer.messagesTo(address);
        assertThat(mail).as("mail to %s", address).hasSize(1);
        return mail.get(0);
    }

    /** The uid and token of the link with this path prefix, found in the text and identical in the HTML. */
    private static String[] link(EmailMessage mail, String pathPrefix) {
        Pattern pattern = Pattern.compile(Pattern.quote("https://example.org" + pathPrefix) + "([\\w-]+)/([\\w.-]+)");
        Matcher text = pattern.matcher(mail.text());
        assertThat(text.find()).as("link in the text part").isTrue();
        assertThat(mail.html()).hasValueSatisfying(html -> assertThat(html).contains("href=\"" + text.group() + "\""));
        return new String[] {text.group(1), text.group(2)};
    }

    private String signUpAndVerify() {
        gatehouse.signUp().register(SignUpRequest.of("minsu", "minsu@example.kr", PASSWORD));
        String[] verify = link(deliveredTo("minsu@example.kr"), "/verify/");
        assertThat(gatehouse.verification().verify(verify[0], verify[1])).isInstanceOf(VerificationResult.Verified.class);
        return ((LoginResult.Success) gatehouse.authenticator().login(LoginRequest.of("minsu", PASSWORD)))
                .session().id();
    }

    @Test
    void signUpVerifyAndLogInThroughTheDeliveredMail() {
        String session = signUpAndVerify();

        assertThat(gatehouse.subject(session).isAuthenticated()).isTrue();
    }

    @Test
    void resetThroughTheDeliveredMailThenTheNoticeArrives() {
        String session = signUpAndVerify();
        gatehouse.passwordReset().request("MINSU@example.kr");
        String[] reset = link(deliveredTo("minsu@example.kr"), "/password/reset/");

        assertThat(gatehouse.passwordReset().confirm(reset[0], reset[1], NEW_PASSWORD))
                .isInstanceOf(ResetResult.Reset.class);

        assertThat(deliveredTo("minsu@example.kr").subject()).containsIgnoringCase("password");
        assertThat(gatehouse.subject(session).isAuthenticated()).as("sessions end at reset").isFalse();
        assertThat(gatehouse.authenticator().login(LoginRequest.of("minsu", NEW_PASSWORD)).isSuccess()).isTrue();
        assertThat(gatehouse.passwordReset().confirm(reset[0], reset[1], "yet another secret phrase"))
                .as("the link works once").isInstanceOf(ResetResult.InvalidLink.class);
    }

    @Test
    void emailChangeMailsTheNewAddressAndAfterConfirmingNotifiesTheOldOne() {
        String session = signUpAndVerify();

        assertThat(gatehouse.emailChange().request(session, PASSWORD, "minsu@new.example"))
                .isInstanceOf(EmailChangeRequestResult.ConfirmationSent.class);
        String[] confirm = link(deliveredTo("minsu@new.example"), "/account/email/confirm/");
        assertThat(gatehouse.users().findByUsername("minsu").orElseThrow().email()).isEqualTo("minsu@example.kr");

        assertThat(gatehouse.emailChange().confirm(confirm[0], confirm[1])).isInstanceOf(EmailChangeResult.Changed.class);

        assertThat(deliveredTo("minsu@example.kr").text()).contains("minsu@new.example");
        assertThat(gatehouse.users().findByUsername("minsu").orElseThrow().email()).isEqualTo("minsu@new.example");
    }
}
