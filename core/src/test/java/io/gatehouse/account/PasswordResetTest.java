package io.gatehouse.account;

import static io.gatehouse.account.AccountFlowSettings.DEFAULT_RESET_PASSWORD_PATH;
import static io.gatehouse.account.AccountFlowSettings.DEFAULT_VERIFY_EMAIL_PATH;
import static io.gatehouse.account.FlowsFixture.BASE_URL;
import static io.gatehouse.account.FlowsFixture.NEW_PASSWORD;
import static io.gatehouse.account.FlowsFixture.PASSWORD;
import static io.gatehouse.account.FlowsFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.account.FlowsFixture.Link;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.testing.PlainMailTemplates;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.user.AdminUserUpdate;
import io.gatehouse.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordResetTest {
    private final FlowsFixture fx = new FlowsFixture();
    private final User minsu = fx.verifiedUser("minsu", "Minsu@Example.kr");

    private Link requestLink() {
        assertThat(fx.reset().request("minsu@example.kr")).isEqualTo(new ResetRequestResult.Accepted());
        return FlowsFixture.link(fx.lastMailTo("Minsu@Example.kr"), DEFAULT_RESET_PASSWORD_PATH);
    }

    @Test
    void requestMailsALinkToTheStoredAddressNotTheTypedOne() {
        ResetRequestResult result = fx.reset().request("MINSU@example.KR");

        assertThat(result).isEqualTo(new ResetRequestResult.Accepted());
        assertThat(fx.mailsTo("MINSU@example.KR")).isEmpty();
        var mail = fx.lastMailTo("Minsu@Example.kr");
        assertThat(mail.message().subject()).isEqualTo(PlainMailTemplates.RESET);
        assertThat(mail.userId()).isEqualTo(minsu.id());
        assertThat(FlowsFixture.urls(mail)).singleElement().asString()
                .startsWith(BASE_URL + "/password/reset/");
    }

    @Test
    void requestForUnknownInactiveOrUnusablePasswordUsersSendsNothingAndAnswersTheSame() {
        User inactive = fx.verifiedUser("inactive", "inactive@example.kr");
        fx.gatehouse.accounts().updateFlags(inactive.id(), AdminUserUpdate.of(inactive).withActive(false));
        User unusable = fx.verifiedUser("social", "social@example.kr");
        fx.userStore.update(fx.stored(unusable.id()).toBuilder().passwordHash(PasswordHashers.unusable()).buildUser());
        fx.signUp().register(SignUpRequest.of("pending", "pending@example.kr", PASSWORD));
        int mailsBefore = fx.mails().size();
        fx.counting.reset();

        List<ResetRequestResult> answers = List.of(
                fx.reset().request("nobody@example.kr"),
                fx.reset().request("inactive@example.kr"),
                fx.reset().request("social@example.kr"),
                fx.reset().request("pending@example.kr"));

        assertThat(answers).containsOnly(new ResetRequestResult.Accepted());
        assertThat(fx.mails()).hasSize(mailsBefore);
        assertThat(fx.counting.hashes()).isZero();
    }

    @Test
    void requestAnswersTheSameWithEnumerationProtectionOff() {
        FlowsFixture open = new FlowsFixture(s -> s.enumerationProtection(false));

        assertThat(open.reset().request("nobody@example.kr")).isEqualTo(new ResetRequestResult.Accepted());
        assertThat(open.mails()).isEmpty();
    }

    @Test
    void requestMailsOneAddressAtMostOncePerCooldown() {
        fx.reset().request("minsu@example.kr");
        fx.reset().request("minsu@example.kr");
        assertThat(fx.mailsTo("Minsu@Example.kr")).filteredOn(m -> m.message().subject().equals(PlainMailTemplates.RESET))
                .hasSize(1);

        fx.advance(AccountFlowSettings.DEFAULT_RESEND_COOLDOWN);
        fx.reset().request("minsu@example.kr");
        assertThat(fx.mailsTo("Minsu@Example.kr")).filteredOn(m -> m.message().subject().equals(PlainMailTemplates.RESET))
                .hasSize(2);
    }

    @Test
    void requestWithAMalformedAddressThenEmailError() {
        ResetRequestResult result = fx.reset().request("minsu@");

        assertThat(result).isInstanceOf(ResetRequestResult.Invalid.class);
        assertThat(((ResetRequestResult.Invalid) result).error().field()).isEqualTo("email");
    }

    @Test
    void checkLinkTellsAValidLinkFromABadOneWithoutUsingIt() {
        Link link = requestLink();

        assertThat(fx.reset().checkLink(link.uid(), link.token())).isTrue();
        assertThat(fx.reset().checkLink(link.uid(), link.token())).as("still").isTrue();
        assertThat(fx.reset().checkLink(link.uid(), link.token() + "x")).isFalse();
        assertThat(fx.reset().checkLink(null, null)).isFalse();
        assertThat(fx.stored(minsu.id())).isEqualTo(minsu);
    }

    @Test
    void confirmSetsThePasswordEndsEverySessionNotifiesAndPublishes() {
        String laptop = fx.login("minsu", PASSWORD);
        String phone = fx.login("minsu", PASSWORD);
        User loggedIn = fx.stored(minsu.id());
        Link link = requestLink();
        fx.advance(Duration.ofMinutes(10));

        ResetResult result = fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD);

        User after = fx.stored(minsu.id());
        assertThat(result).isEqualTo(new ResetResult.Reset(after));
        assertThat(after).isEqualTo(loggedIn.toBuilder().passwordHash(after.passwordHash()).buildUser());
        assertThat(fx.resolves(laptop)).isFalse();
        assertThat(fx.resolves(phone)).isFalse();
        assertThat(fx.gatehouse.sessions().sessionsOf(minsu.id())).isEmpty();
        assertThat(fx.lastMailTo("Minsu@Example.kr").message().subject()).isEqualTo(PlainMailTemplates.PASSWORD_CHANGED);
        assertThat(fx.eventsOf(AuthEvent.PasswordReset.class))
                .containsExactly(new AuthEvent.PasswordReset(minsu.id(), T0.plus(Duration.ofMinutes(10))));
        assertThat(fx.tryLogin("minsu", PASSWORD).isSuccess()).isFalse();
        assertThat(fx.tryLogin("minsu", NEW_PASSWORD).isSuccess()).isTrue();
    }

    @Test
    void confirmTwiceThenTheSecondIsInvalid() {
        Link link = requestLink();
        assertThat(fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD)).isInstanceOf(ResetResult.Reset.class);
        User after = fx.stored(minsu.id());

        assertThat(fx.reset().confirm(link.uid(), link.token(), "another long passphrase 7"))
                .isEqualTo(new ResetResult.InvalidLink());
        assertThat(fx.reset().checkLink(link.uid(), link.token())).isFalse();
        assertThat(fx.stored(minsu.id())).isEqualTo(after);
        assertThat(fx.eventsOf(AuthEvent.PasswordReset.class)).hasSize(1);
    }

    @Test
    void confirmFromTwoThreadsAtOnceThenExactlyOneSucceeds() throws Exception {
        Link link = requestLink();
        int mailsBefore = fx.mails().size();

        List<ResetResult> results = EmailVerificationTest.race(2, () ->
                fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD));

        assertThat(results).filteredOn(r -> r instanceof ResetResult.Reset).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof ResetResult.InvalidLink).hasSize(1);
        assertThat(fx.mails()).hasSize(mailsBefore + 1);
        assertThat(fx.eventsOf(AuthEvent.PasswordReset.class)).hasSize(1);
    }

    @Test
    void confirmFromManyThreadsAtOnceThenExactlyOneSucceeds() throws Exception {
        Link link = requestLink();

        List<ResetResult> results = EmailVerificationTest.race(8, () ->
                fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD));

        assertThat(results).filteredOn(r -> r instanceof ResetResult.Reset).hasSize(1);
        assertThat(fx.eventsOf(AuthEvent.PasswordReset.class)).hasSize(1);
    }

    @Test
    void confirmWithAWeakPasswordThenRejectedAndTheLinkStillWorks() {
        Link link = requestLink();

        ResetResult result = fx.reset().confirm(link.uid(), link.token(), "minsu123");

        assertThat(result).isInstanceOf(ResetResult.Rejected.class);
        assertThat(((ResetResult.Rejected) result).violations()).isNotEmpty();
        assertThat(fx.stored(minsu.id())).isEqualTo(minsu);
        assertThat(fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD)).isInstanceOf(ResetResult.Reset.class);
    }

    @Test
    void confirmAfterTheTimeoutThenInvalid() {
        Link link = requestLink();
        fx.advance(TokenPurpose.PASSWORD_RESET.timeout().plusSeconds(1));

        assertThat(fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD)).isEqualTo(new ResetResult.InvalidLink());
        assertThat(fx.stored(minsu.id())).isEqualTo(minsu);
    }

    @Test
    void confirmAfterALoginThenInvalid() {
        Link link = requestLink();
        fx.advance(Duration.ofSeconds(1));
        fx.login("minsu", PASSWORD);

        assertThat(fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD)).isEqualTo(new ResetResult.InvalidLink());
    }

    @Test
    void attackAVerificationTokenCannotResetAPassword() {
        fx.signUp().register(SignUpRequest.of("jiwoo", "jiwoo@example.kr", PASSWORD));
        Link verify = FlowsFixture.link(fx.lastMailTo("jiwoo@example.kr"), DEFAULT_VERIFY_EMAIL_PATH);
        User jiwoo = fx.byEmail("jiwoo@example.kr").orElseThrow();

        assertThat(fx.reset().checkLink(verify.uid(), verify.token())).isFalse();
        assertThat(fx.reset().confirm(verify.uid(), verify.token(), NEW_PASSWORD))
                .isEqualTo(new ResetResult.InvalidLink());
        assertThat(fx.stored(jiwoo.id())).isEqualTo(jiwoo);
    }

    @Test
    void attackAResetTokenCannotVerifyAnAddress() {
        fx.signUp().register(SignUpRequest.of("jiwoo", "jiwoo@example.kr", PASSWORD));
        User jiwoo = fx.byEmail("jiwoo@example.kr").orElseThrow();
        String resetToken = fx.gatehouse.tokens().make(jiwoo, TokenPurpose.PASSWORD_RESET);
        Link verify = FlowsFixture.link(fx.lastMailTo("jiwoo@example.kr"), DEFAULT_VERIFY_EMAIL_PATH);

        assertThat(fx.verification().verify(verify.uid(), resetToken)).isEqualTo(new VerificationResult.InvalidLink());
        assertThat(fx.stored(jiwoo.id())).isEqualTo(jiwoo);
    }

    @Test
    void attackUserAsTokenWithUserBsUidThenInvalid() {
        User jiwoo = fx.verifiedUser("jiwoo", "jiwoo@example.kr");
        Link minsuLink = requestLink();
        Link jiwooUid = new Link(io.gatehouse.token.UserIdCodec.encode(jiwoo.id()), minsuLink.token());

        assertThat(fx.reset().checkLink(jiwooUid.uid(), jiwooUid.token())).isFalse();
        assertThat(fx.reset().confirm(jiwooUid.uid(), jiwooUid.token(), NEW_PASSWORD))
                .isEqualTo(new ResetResult.InvalidLink());
        assertThat(fx.stored(jiwoo.id())).isEqualTo(jiwoo);
        assertThat(fx.stored(minsu.id())).isEqualTo(minsu);
    }

    @Test
    void confirmHashesOutsideTheTransactionAndStoresHashAndNoticeInOne() {
        Link link = requestLink();
        fx.tx.clear();

        fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD);

        assertThat(fx.tx.outside()).containsExactly("hash");
        assertThat(fx.tx.transactions()).containsExactly(List.of("users.updateIf", "outbox.enqueue"));
    }

    @Test
    void confirmWhenTheLinkLostTheRaceThenNothingIsQueued() {
        Link link = requestLink();
        fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD);
        fx.tx.clear();

        fx.reset().confirm(link.uid(), link.token(), NEW_PASSWORD);

        assertThat(fx.tx.transactions()).isEmpty();
    }
}
