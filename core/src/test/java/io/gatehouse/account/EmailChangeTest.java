package io.gatehouse.account;

import static io.gatehouse.account.AccountFlowSettings.DEFAULT_CONFIRM_EMAIL_CHANGE_PATH;
import static io.gatehouse.account.AccountFlowSettings.DEFAULT_RESET_PASSWORD_PATH;
import static io.gatehouse.account.FlowsFixture.BASE_URL;
import static io.gatehouse.account.FlowsFixture.NEW_PASSWORD;
import static io.gatehouse.account.FlowsFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.account.FlowsFixture.Link;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.testing.PlainMailTemplates;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailChangeTest {
    private final FlowsFixture fx = new FlowsFixture();
    private final User minsu = fx.verifiedUser("minsu", "minsu@example.kr");
    private final String session = fx.login("minsu", PASSWORD);

    private Link requestLink(String newEmail) {
        assertThat(fx.emailChange().request(session, PASSWORD, newEmail))
                .isEqualTo(new EmailChangeRequestResult.ConfirmationSent());
        return FlowsFixture.link(fx.lastMailTo(newEmail), DEFAULT_CONFIRM_EMAIL_CHANGE_PATH);
    }

    @Test
    void requestMailsALinkToTheNewAddressAndChangesNothingYet() {
        User before = fx.stored(minsu.id());
        int mailsToOld = fx.mailsTo("minsu@example.kr").size();

        EmailChangeRequestResult result = fx.emailChange().request(session, PASSWORD, "minsu@new.example.kr");

        assertThat(result).isEqualTo(new EmailChangeRequestResult.ConfirmationSent());
        OutboxMail mail = fx.onlyMailTo("minsu@new.example.kr");
        assertThat(mail.message().subject()).isEqualTo(PlainMailTemplates.CONFIRM_EMAIL_CHANGE);
        assertThat(mail.userId()).isEqualTo(minsu.id());
        assertThat(FlowsFixture.urls(mail)).singleElement().asString()
                .startsWith(BASE_URL + "/account/email/confirm/");
        assertThat(fx.stored(minsu.id())).isEqualTo(before);
        assertThat(fx.mailsTo("minsu@example.kr")).hasSize(mailsToOld);
        assertThat(fx.tryLogin("minsu@example.kr", PASSWORD).isSuccess()).isTrue();
    }

    @Test
    void confirmChangesTheAddressMarksItVerifiedAndNotifiesTheOldAddress() {
        User before = fx.stored(minsu.id());
        Link link = requestLink("minsu@new.example.kr");

        EmailChangeResult result = fx.emailChange().confirm(link.uid(), link.token());

        User after = fx.stored(minsu.id());
        assertThat(result).isEqualTo(new EmailChangeResult.Changed(after));
        assertThat(after).isEqualTo(before.toBuilder().email("minsu@new.example.kr").emailVerified(true).buildUser());
        OutboxMail notice = fx.lastMailTo("minsu@example.kr");
        assertThat(notice.message().subject()).isEqualTo(PlainMailTemplates.EMAIL_CHANGED);
        assertThat(notice.message().text()).contains("minsu@new.example.kr");
        assertThat(fx.byEmail("minsu@example.kr")).isEmpty();
        assertThat(fx.tryLogin("minsu@new.example.kr", PASSWORD).isSuccess()).isTrue();
    }

    @Test
    void confirmTwiceThenTheSecondIsInvalid() {
        Link link = requestLink("minsu@new.example.kr");
        fx.emailChange().confirm(link.uid(), link.token());
        User after = fx.stored(minsu.id());

        assertThat(fx.emailChange().confirm(link.uid(), link.token())).isEqualTo(new EmailChangeResult.InvalidLink());
        assertThat(fx.stored(minsu.id())).isEqualTo(after);
    }

    @Test
    void confirmAfterSomeoneElseTookTheAddressThenAddressTakenAndNothingChanges() {
        Link link = requestLink("wanted@example.kr");
        fx.gatehouse.accounts().createUser("jiwoo", "Wanted@Example.kr", PASSWORD);
        User before = fx.stored(minsu.id());
        int mails = fx.mails().size();

        EmailChangeResult result = fx.emailChange().confirm(link.uid(), link.token());

        assertThat(result).isEqualTo(new EmailChangeResult.AddressTaken());
        assertThat(fx.stored(minsu.id())).isEqualTo(before);
        assertThat(fx.mails()).hasSize(mails);
    }

    @Test
    void confirmWhenTheStoreFindsTheDuplicateThenAddressTaken() {
        Link link = requestLink("wanted@example.kr");
        User before = fx.stored(minsu.id());
        // Another account takes the address between the look-up and the write: simulate it by looking the
        // address up in a store that does not see the rival yet.
        FlowsFixture.ProbedUserStore blind = new FlowsFixture.ProbedUserStore(fx.userStore, fx.tx) {
            @Override
            public java.util.Optional<User> findByEmail(String email) {
                return java.util.Optional.empty();
            }
        };
        fx.gatehouse.accounts().createUser("jiwoo", "wanted@example.kr", PASSWORD);
        AccountMail mail = AccountMail.create(new io.gatehouse.outbox.InMemoryMailOutbox(), fx.tx, fx.throttleStore,
                fx.clock, AccountFlowSettings.builder(BASE_URL, FlowsFixture.FROM)
                        .templates(new PlainMailTemplates()).build());
        EmailChange change = new EmailChange(blind, fx.gatehouse.passwordHasher(), fx.gatehouse.sessions(),
                new io.gatehouse.throttle.LoginThrottle(fx.throttleStore,
                        io.gatehouse.throttle.ThrottlePolicy.defaults(), fx.clock),
                fx.gatehouse.tokens(), mail);

        assertThat(change.confirm(link.uid(), link.token())).isEqualTo(new EmailChangeResult.AddressTaken());
        assertThat(fx.stored(minsu.id())).isEqualTo(before);
    }

    @Test
    void attackALinkEditedToCarryAnotherAddressFails() {
        Link link = requestLink("minsu@new.example.kr");
        String token = link.token().substring(link.token().indexOf('.') + 1);
        String evil = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("attacker@evil.example".getBytes(StandardCharsets.UTF_8)) + "." + token;
        User before = fx.stored(minsu.id());

        assertThat(fx.emailChange().confirm(link.uid(), evil)).isEqualTo(new EmailChangeResult.InvalidLink());
        assertThat(fx.stored(minsu.id())).isEqualTo(before);
    }

    @Test
    void attackMalformedLinksAreInvalidAndNeverThrow() {
        Link link = requestLink("minsu@new.example.kr");
        String signed = link.token().substring(link.token().indexOf('.') + 1);
        String encoded = link.token().substring(0, link.token().indexOf('.'));
        List<String> bad = List.of("", ".", "." + signed, encoded + ".", encoded, encoded + "." + signed + ".x",
                "!!!." + signed, encoded + "=." + signed, "x".repeat(5000), "_w." + signed,
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xC3, 0x28}) + "." + signed,
                Base64.getUrlEncoder().withoutPadding().encodeToString("no-at-sign".getBytes(StandardCharsets.UTF_8))
                        + "." + signed);
        for (String token : bad) {
            assertThat(fx.emailChange().confirm(link.uid(), token)).as(token)
                    .isEqualTo(new EmailChangeResult.InvalidLink());
        }
        assertThat(fx.emailChange().confirm(null, null)).isEqualTo(new EmailChangeResult.InvalidLink());
        assertThat(fx.stored(minsu.id()).email()).isEqualTo("minsu@example.kr");
    }

    @Test
    void attackAResetTokenCannotConfirmAnEmailChange() {
        assertThat(fx.reset().request("minsu@example.kr")).isEqualTo(new ResetRequestResult.Accepted());
        Link reset = FlowsFixture.link(fx.lastMailTo("minsu@example.kr"), DEFAULT_RESET_PASSWORD_PATH);
        String asChange = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("attacker@evil.example".getBytes(StandardCharsets.UTF_8)) + "." + reset.token();

        assertThat(fx.emailChange().confirm(reset.uid(), asChange)).isEqualTo(new EmailChangeResult.InvalidLink());
        assertThat(fx.stored(minsu.id()).email()).isEqualTo("minsu@example.kr");
    }

    @Test
    void confirmAfterTheTimeoutThenInvalid() {
        Link link = requestLink("minsu@new.example.kr");
        fx.advance(TokenPurpose.EMAIL_CHANGE.timeout().plusSeconds(1));

        assertThat(fx.emailChange().confirm(link.uid(), link.token())).isEqualTo(new EmailChangeResult.InvalidLink());
    }

    @Test
    void aChangedAddressEndsOutstandingResetLinks() {
        fx.reset().request("minsu@example.kr");
        Link reset = FlowsFixture.link(fx.lastMailTo("minsu@example.kr"), DEFAULT_RESET_PASSWORD_PATH);
        Link change = requestLink("minsu@new.example.kr");

        fx.emailChange().confirm(change.uid(), change.token());

        assertThat(fx.reset().confirm(reset.uid(), reset.token(), NEW_PASSWORD)).isEqualTo(new ResetResult.InvalidLink());
    }

    @Test
    void requestWithAWrongPasswordIsRefusedAndCountsTowardsTheThrottle() {
        for (int i = 0; i < 5; i++) {
            assertThat(fx.emailChange().request(session, "wrong password " + i, "minsu@new.example.kr"))
                    .isEqualTo(new EmailChangeRequestResult.WrongPassword());
        }

        EmailChangeRequestResult throttled = fx.emailChange().request(session, PASSWORD, "minsu@new.example.kr");

        assertThat(throttled).isInstanceOf(EmailChangeRequestResult.Throttled.class);
        assertThat(fx.mailsTo("minsu@new.example.kr")).isEmpty();
        assertThat(fx.tryLogin("minsu", PASSWORD)).isInstanceOf(io.gatehouse.login.LoginResult.Throttled.class);
    }

    @Test
    void requestWithBadInputNamesTheFieldAndHashesNothing() {
        fx.counting.reset();

        for (String bad : List.of("", "not-an-address", "a@b\r\nBcc: x@y.z", "minsu@example.kr")) {
            EmailChangeRequestResult result = fx.emailChange().request(session, PASSWORD, bad);
            assertThat(result).as(bad).isInstanceOf(EmailChangeRequestResult.Invalid.class);
            assertThat(((EmailChangeRequestResult.Invalid) result).error().field()).isEqualTo("newEmail");
        }
        assertThat(((EmailChangeRequestResult.Invalid) fx.emailChange().request(session, PASSWORD,
                "minsu@example.kr")).error().code()).isEqualTo("email_unchanged");
        assertThat(fx.counting.hashes()).isZero();
        assertThat(fx.mails()).hasSize(1);
    }

    @Test
    void requestOnlyChangingLetterCaseIsAllowed() {
        Link link = requestLink("Minsu@Example.kr");

        assertThat(fx.emailChange().confirm(link.uid(), link.token())).isInstanceOf(EmailChangeResult.Changed.class);
        assertThat(fx.stored(minsu.id()).email()).isEqualTo("Minsu@Example.kr");
    }

    @Test
    void requestForAnotherAccountsAddressWithProtectionOnSendsNothingAndAnswersAlike() {
        fx.gatehouse.accounts().createUser("jiwoo", "jiwoo@example.kr", PASSWORD);

        EmailChangeRequestResult result = fx.emailChange().request(session, PASSWORD, "JIWOO@example.kr");

        assertThat(result).isEqualTo(new EmailChangeRequestResult.ConfirmationSent());
        assertThat(fx.mailsTo("JIWOO@example.kr")).isEmpty();
        assertThat(fx.mailsTo("jiwoo@example.kr")).isEmpty();
    }

    @Test
    void requestForAnotherAccountsAddressWithProtectionOffThenEmailTaken() {
        FlowsFixture open = new FlowsFixture(s -> s.enumerationProtection(false));
        open.verifiedUser("minsu", "minsu@example.kr");
        open.gatehouse.accounts().createUser("jiwoo", "jiwoo@example.kr", PASSWORD);
        String id = open.login("minsu", PASSWORD);

        EmailChangeRequestResult result = open.emailChange().request(id, PASSWORD, "jiwoo@example.kr");

        assertThat(result).isInstanceOf(EmailChangeRequestResult.Invalid.class);
        assertThat(((EmailChangeRequestResult.Invalid) result).error().code()).isEqualTo("email_taken");
    }

    @Test
    void requestWhenNotLoggedInThenNothing() {
        fx.gatehouse.authenticator().logout(session);

        assertThat(fx.emailChange().request(session, PASSWORD, "minsu@new.example.kr"))
                .isEqualTo(new EmailChangeRequestResult.NotLoggedIn());
        assertThat(fx.emailChange().request("not-a-session", PASSWORD, "minsu@new.example.kr"))
                .isEqualTo(new EmailChangeRequestResult.NotLoggedIn());
        assertThat(fx.mailsTo("minsu@new.example.kr")).isEmpty();
    }

    @Test
    void requestMailsOneNewAddressAtMostOncePerCooldown() {
        requestLink("minsu@new.example.kr");
        assertThat(fx.emailChange().request(session, PASSWORD, "minsu@new.example.kr"))
                .isEqualTo(new EmailChangeRequestResult.ConfirmationSent());
        assertThat(fx.mailsTo("minsu@new.example.kr")).hasSize(1);

        fx.advance(Duration.ofMinutes(3));
        requestLink("minsu@new.example.kr");
        assertThat(fx.mailsTo("minsu@new.example.kr")).hasSize(2);
    }

    @Test
    void requestHashesOutsideAndConfirmStoresTheAddressWithTheNoticeInOneTransaction() {
        fx.tx.clear();
        Link link = requestLink("minsu@new.example.kr");
        assertThat(fx.tx.outside()).containsExactly("hash");
        assertThat(fx.tx.transactions()).containsExactly(List.of("outbox.enqueue"));
        fx.tx.clear();

        fx.emailChange().confirm(link.uid(), link.token());

        assertThat(fx.tx.outside()).isEmpty();
        assertThat(fx.tx.transactions()).containsExactly(List.of("users.updateIf", "outbox.enqueue"));
    }
}
