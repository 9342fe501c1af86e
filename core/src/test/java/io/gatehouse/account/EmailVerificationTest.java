package io.gatehouse.account;

import static io.gatehouse.account.AccountFlowSettings.DEFAULT_VERIFY_EMAIL_PATH;
import static io.gatehouse.account.FlowsFixture.PASSWORD;
import static io.gatehouse.account.FlowsFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.account.FlowsFixture.Link;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.login.LoginResult;
import io.gatehouse.testing.PlainMailTemplates;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.token.UserIdCodec;
import io.gatehouse.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmailVerificationTest {
    private static final Duration COOLDOWN = AccountFlowSettings.DEFAULT_RESEND_COOLDOWN;

    private final FlowsFixture fx = new FlowsFixture();

    private Link signUp(String username, String email) {
        assertThat(fx.signUp().register(SignUpRequest.of(username, email, PASSWORD)).isAccepted()).isTrue();
        return FlowsFixture.link(fx.lastMailTo(email), DEFAULT_VERIFY_EMAIL_PATH);
    }

    @Test
    void verifyWithTheMailedLinkVerifiesAndActivatesWithoutLoggingIn() {
        Link link = signUp("minsu", "minsu@example.kr");
        User before = fx.byEmail("minsu@example.kr").orElseThrow();
        fx.advance(Duration.ofHours(1));

        VerificationResult result = fx.verification().verify(link.uid(), link.token());

        User after = fx.stored(before.id());
        assertThat(result).isEqualTo(new VerificationResult.Verified(after));
        assertThat(after.emailVerified()).isTrue();
        assertThat(after.active()).isTrue();
        assertThat(after).isEqualTo(before.toBuilder().emailVerified(true).active(true).buildUser());
        assertThat(fx.eventsOf(AuthEvent.EmailVerified.class))
                .containsExactly(new AuthEvent.EmailVerified(before.id(), T0.plus(Duration.ofHours(1))));
        assertThat(fx.gatehouse.sessions().sessionsOf(before.id())).as("not logged in").isEmpty();
        assertThat(fx.eventsOf(AuthEvent.LoggedIn.class)).isEmpty();
    }

    @Test
    void loginBeforeVerifyingIsRefusedAndAfterwardsWorks() {
        Link link = signUp("minsu", "minsu@example.kr");
        assertThat(fx.tryLogin("minsu", PASSWORD)).isInstanceOf(LoginResult.NotVerified.class);

        fx.verification().verify(link.uid(), link.token());

        assertThat(fx.tryLogin("minsu@example.kr", PASSWORD)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void verifyTwiceThenAlreadyVerifiedAndNothingChanges() {
        Link link = signUp("minsu", "minsu@example.kr");
        fx.verification().verify(link.uid(), link.token());
        User verified = fx.byEmail("minsu@example.kr").orElseThrow();

        VerificationResult again = fx.verification().verify(link.uid(), link.token());

        assertThat(again).isEqualTo(new VerificationResult.AlreadyVerified());
        assertThat(fx.stored(verified.id())).isEqualTo(verified);
        assertThat(fx.eventsOf(AuthEvent.EmailVerified.class)).hasSize(1);
    }

    @Test
    void verifyWhenTheLinkIsFollowedTwiceAtOnceThenExactlyOneVerifies() throws Exception {
        Link link = signUp("minsu", "minsu@example.kr");
        List<VerificationResult> results = race(8, () -> fx.verification().verify(link.uid(), link.token()));

        assertThat(results).filteredOn(r -> r instanceof VerificationResult.Verified).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof VerificationResult.AlreadyVerified).hasSize(7);
        assertThat(fx.eventsOf(AuthEvent.EmailVerified.class)).hasSize(1);
    }

    @Test
    void verifyWithATamperedTokenThenInvalidAndTheUserIsUnchanged() {
        Link link = signUp("minsu", "minsu@example.kr");
        User before = fx.byEmail("minsu@example.kr").orElseThrow();
        String token = link.token();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : new String[] {tampered, "", "garbage", token + "x", "1-" + token, token.toUpperCase()}) {
            assertThat(fx.verification().verify(link.uid(), bad)).as(bad)
                    .isEqualTo(new VerificationResult.InvalidLink());
        }
        assertThat(fx.verification().verify(link.uid(), null)).isEqualTo(new VerificationResult.InvalidLink());
        assertThat(fx.verification().verify(null, token)).isEqualTo(new VerificationResult.InvalidLink());
        assertThat(fx.verification().verify("%%%", token)).isEqualTo(new VerificationResult.InvalidLink());
        assertThat(fx.stored(before.id())).isEqualTo(before);
        assertThat(fx.eventsOf(AuthEvent.EmailVerified.class)).isEmpty();
    }

    @Test
    void verifyAtExactlyTheTimeoutThenValidAndOneSecondLaterInvalid() {
        Link first = signUp("minsu", "minsu@example.kr");
        Link second = signUp("jiwoo", "jiwoo@example.kr");
        User jiwoo = fx.byEmail("jiwoo@example.kr").orElseThrow();

        fx.advance(TokenPurpose.EMAIL_VERIFICATION.timeout());
        assertThat(fx.verification().verify(first.uid(), first.token()))
                .isInstanceOf(VerificationResult.Verified.class);

        fx.advance(Duration.ofSeconds(1));
        assertThat(fx.verification().verify(second.uid(), second.token()))
                .isEqualTo(new VerificationResult.InvalidLink());
        assertThat(fx.stored(jiwoo.id())).isEqualTo(jiwoo);
    }

    @Test
    void verifyWithAResetTokenForTheSameUserThenInvalid() {
        signUp("minsu", "minsu@example.kr");
        User user = fx.byEmail("minsu@example.kr").orElseThrow();
        String resetToken = fx.gatehouse.tokens().make(user, TokenPurpose.PASSWORD_RESET);
        String changeToken = fx.gatehouse.tokens().make(user, TokenPurpose.EMAIL_CHANGE, "x@example.kr");

        assertThat(fx.verification().verify(UserIdCodec.encode(user.id()), resetToken))
                .isEqualTo(new VerificationResult.InvalidLink());
        assertThat(fx.verification().verify(UserIdCodec.encode(user.id()), changeToken))
                .isEqualTo(new VerificationResult.InvalidLink());
        assertThat(fx.stored(user.id())).isEqualTo(user);
    }

    @Test
    void verifyWithUserAsTokenAndUserBsUidThenInvalidForBoth() {
        Link minsu = signUp("minsu", "minsu@example.kr");
        Link jiwoo = signUp("jiwoo", "jiwoo@example.kr");
        User jiwooBefore = fx.byEmail("jiwoo@example.kr").orElseThrow();

        assertThat(fx.verification().verify(jiwoo.uid(), minsu.token()))
                .isEqualTo(new VerificationResult.InvalidLink());
        assertThat(fx.stored(jiwooBefore.id())).isEqualTo(jiwooBefore);
        assertThat(fx.verification().verify(minsu.uid(), minsu.token()))
                .isInstanceOf(VerificationResult.Verified.class);
    }

    @Test
    void verifyForADeletedUserThenInvalid() {
        Link link = signUp("minsu", "minsu@example.kr");
        fx.gatehouse.accounts().delete(fx.byEmail("minsu@example.kr").orElseThrow().id());

        assertThat(fx.verification().verify(link.uid(), link.token())).isEqualTo(new VerificationResult.InvalidLink());
    }

    @Test
    void resendQueuesANewLinkThatVerifies() {
        Link first = signUp("minsu", "minsu@example.kr");
        fx.advance(COOLDOWN);

        ResendResult result = fx.verification().resend("MINSU@example.kr");

        assertThat(result).isEqualTo(new ResendResult.Accepted());
        assertThat(fx.mailsTo("minsu@example.kr")).hasSize(2)
                .allSatisfy(m -> assertThat(m.message().subject()).isEqualTo(PlainMailTemplates.VERIFY));
        Link second = FlowsFixture.link(fx.lastMailTo("minsu@example.kr"), DEFAULT_VERIFY_EMAIL_PATH);
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(fx.verification().verify(second.uid(), second.token()))
                .isInstanceOf(VerificationResult.Verified.class);
        assertThat(fx.verification().verify(first.uid(), first.token()))
                .as("the older link dies with the state it was bound to")
                .isEqualTo(new VerificationResult.AlreadyVerified());
    }

    @Test
    void resendOneMillisecondBeforeTheCooldownEndsThenCoolingDownAndAtExactlyTheCooldownAccepted() {
        signUp("minsu", "minsu@example.kr");

        fx.advance(COOLDOWN.minusMillis(1));
        assertThat(fx.verification().resend("minsu@example.kr"))
                .isEqualTo(new ResendResult.CoolingDown(Duration.ofMillis(1)));
        assertThat(fx.mailsTo("minsu@example.kr")).hasSize(1);

        fx.advance(Duration.ofMillis(1));
        assertThat(fx.verification().resend("minsu@example.kr")).isEqualTo(new ResendResult.Accepted());
        assertThat(fx.mailsTo("minsu@example.kr")).hasSize(2);

        assertThat(fx.verification().resend("minsu@example.kr")).isEqualTo(new ResendResult.CoolingDown(COOLDOWN));
    }

    @Test
    void resendRefusedAttemptsDoNotExtendTheCooldown() {
        signUp("minsu", "minsu@example.kr");
        for (int i = 0; i < 5; i++) {
            fx.advance(Duration.ofSeconds(30));
            assertThat(fx.verification().resend("minsu@example.kr")).isInstanceOf(ResendResult.CoolingDown.class);
        }
        fx.advance(COOLDOWN.minusSeconds(150));

        assertThat(fx.verification().resend("minsu@example.kr")).isEqualTo(new ResendResult.Accepted());
    }

    @Test
    void resendCooldownIsConfigurable() {
        FlowsFixture quick = new FlowsFixture(s -> s.resendCooldown(Duration.ofSeconds(10)));
        quick.signUp().register(SignUpRequest.of("minsu", "minsu@example.kr", PASSWORD));

        quick.advance(Duration.ofSeconds(9));
        assertThat(quick.verification().resend("minsu@example.kr")).isInstanceOf(ResendResult.CoolingDown.class);
        quick.advance(Duration.ofSeconds(1));
        assertThat(quick.verification().resend("minsu@example.kr")).isEqualTo(new ResendResult.Accepted());
    }

    @Test
    void resendWithProtectionOnAnswersAlikeForUnknownVerifiedAndUnverifiedAddresses() {
        fx.verifiedUser("verified", "verified@example.kr");
        signUp("pending", "pending@example.kr");
        fx.advance(COOLDOWN);
        int mailsBefore = fx.mails().size();

        ResendResult unknown = fx.verification().resend("nobody@example.kr");
        ResendResult verified = fx.verification().resend("verified@example.kr");
        ResendResult pending = fx.verification().resend("pending@example.kr");

        assertThat(List.of(unknown, verified, pending)).containsOnly(new ResendResult.Accepted());
        assertThat(fx.mails()).hasSize(mailsBefore + 1);
        assertThat(fx.lastMailTo("pending@example.kr").message().subject()).isEqualTo(PlainMailTemplates.VERIFY);
        assertThat(fx.mailsTo("nobody@example.kr")).isEmpty();

        // and the cool-down answers alike too
        assertThat(List.of(fx.verification().resend("nobody@example.kr"),
                fx.verification().resend("verified@example.kr"), fx.verification().resend("pending@example.kr")))
                .containsOnly(new ResendResult.CoolingDown(COOLDOWN));
    }

    @Test
    void resendWithProtectionOffSaysNotRegisteredOrAlreadyVerified() {
        FlowsFixture open = new FlowsFixture(s -> s.enumerationProtection(false));
        open.verifiedUser("verified", "verified@example.kr");
        open.advance(COOLDOWN);

        assertThat(open.verification().resend("nobody@example.kr")).isEqualTo(new ResendResult.NotRegistered());
        assertThat(open.verification().resend("verified@example.kr")).isEqualTo(new ResendResult.AlreadyVerified());
        assertThat(open.mailsTo("verified@example.kr")).hasSize(1);
    }

    @Test
    void resendWithAMalformedAddressThenEmailErrorAndNothingStored() {
        ResendResult result = fx.verification().resend("not an address\r\n");

        assertThat(result).isInstanceOf(ResendResult.Invalid.class);
        assertThat(((ResendResult.Invalid) result).error().field()).isEqualTo("email");
        assertThat(fx.mails()).isEmpty();
        assertThat(fx.throttleStore.deleteOlderThan(T0.plusSeconds(1))).as("no cool-down counted").isZero();
    }

    @Test
    void resendConcurrentlyQueuesOneMail() throws Exception {
        signUp("minsu", "minsu@example.kr");
        fx.advance(COOLDOWN);

        List<ResendResult> results = race(8, () -> fx.verification().resend("minsu@example.kr"));

        assertThat(results).filteredOn(r -> r instanceof ResendResult.Accepted).hasSize(1);
        assertThat(fx.mailsTo("minsu@example.kr")).hasSize(2);
    }

    @Test
    void verifyAndResendUseTheUnitOfWork() {
        Link link = signUp("minsu", "minsu@example.kr");
        fx.advance(COOLDOWN);
        fx.tx.clear();

        fx.verification().resend("minsu@example.kr");
        fx.verification().verify(link.uid(), link.token());

        assertThat(fx.tx.transactions()).containsExactly(List.of("outbox.enqueue"), List.of("users.updateIf"));
        assertThat(fx.tx.outside()).isEmpty();
    }

    static <T> List<T> race(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> {
                    start.await();
                    return call.call();
                });
            }
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
