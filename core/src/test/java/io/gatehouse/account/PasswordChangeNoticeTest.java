package io.gatehouse.account;

import static io.gatehouse.account.FlowsFixture.NEW_PASSWORD;
import static io.gatehouse.account.FlowsFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.outbox.InMemoryMailOutbox;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.testing.PlainMailTemplates;
import io.gatehouse.user.User;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Accounts.changePassword with the account flows on: the notice, and the sessions. */
class PasswordChangeNoticeTest {
    private final FlowsFixture fx = new FlowsFixture();
    private final User minsu = fx.verifiedUser("minsu", "minsu@example.kr");
    private final String current = fx.login("minsu", PASSWORD);
    private final String other = fx.login("minsu", PASSWORD);

    @Test
    void changePasswordQueuesTheNoticeToTheUsersAddress() {
        PasswordChange result = fx.gatehouse.accounts().changePassword(current, PASSWORD, NEW_PASSWORD);

        assertThat(result).isInstanceOf(PasswordChange.Changed.class);
        OutboxMail notice = fx.lastMailTo("minsu@example.kr");
        assertThat(notice.message().subject()).isEqualTo(PlainMailTemplates.PASSWORD_CHANGED);
        assertThat(notice.userId()).isEqualTo(minsu.id());
    }

    @Test
    void changePasswordKeepsTheCurrentSessionUnderANewIdAndEndsTheOthers() {
        PasswordChange.Changed changed = (PasswordChange.Changed) fx.gatehouse.accounts()
                .changePassword(current, PASSWORD, NEW_PASSWORD);

        assertThat(fx.resolves(changed.session().id())).isTrue();
        assertThat(fx.resolves(current)).isFalse();
        assertThat(fx.resolves(other)).isFalse();
    }

    @Test
    void changePasswordHashesOutsideAndStoresTheHashWithTheNoticeInOneTransaction() {
        fx.tx.clear();

        fx.gatehouse.accounts().changePassword(current, PASSWORD, NEW_PASSWORD);

        assertThat(fx.tx.outside()).containsExactly("hash", "hash");
        assertThat(fx.tx.transactions()).containsExactly(List.of("users.updateIf", "outbox.enqueue"));
    }

    @Test
    void changePasswordRefusedThenNoNotice() {
        int mails = fx.mails().size();

        assertThat(fx.gatehouse.accounts().changePassword(current, "wrong", NEW_PASSWORD))
                .isEqualTo(new PasswordChange.WrongPassword());
        assertThat(fx.gatehouse.accounts().changePassword(current, PASSWORD, "short"))
                .isInstanceOf(PasswordChange.Rejected.class);
        assertThat(fx.mails()).hasSize(mails);
    }

    @Test
    void changePasswordWithoutAccountFlowsQueuesNothing() {
        InMemoryMailOutbox outbox = new InMemoryMailOutbox();
        Gatehouse plain = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                .passwordHasher(PasswordHashers.forTesting())
                .mailOutbox(outbox)
                .build();
        plain.accounts().createUser("minsu", "minsu@example.kr", PASSWORD);
        LoginResult login = plain.authenticator().login(LoginRequest.of("minsu", PASSWORD));
        String id = ((LoginResult.Success) login).session().id();

        assertThat(plain.accounts().changePassword(id, PASSWORD, NEW_PASSWORD)).isInstanceOf(PasswordChange.Changed.class);
        assertThat(LongStream.rangeClosed(1, 10).mapToObj(outbox::find).flatMap(Optional::stream)).isEmpty();
    }
}
