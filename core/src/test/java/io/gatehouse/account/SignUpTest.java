package io.gatehouse.account;

import static io.gatehouse.account.FlowsFixture.BASE_URL;
import static io.gatehouse.account.FlowsFixture.PASSWORD;
import static io.gatehouse.account.FlowsFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.event.AuthEvent;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.testing.PlainMailTemplates;
import io.gatehouse.user.User;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignUpTest {
    private final FlowsFixture fx = new FlowsFixture();

    private SignUpResult register(String username, String email, String password) {
        return fx.signUp().register(SignUpRequest.of(username, email, password));
    }

    @Test
    void registerCreatesAnInactiveUnverifiedUserAndQueuesTheVerificationMail() {
        SignUpResult result = register("minsu", "minsu@example.kr", PASSWORD);

        assertThat(result).isEqualTo(new SignUpResult.Accepted());
        User user = fx.byEmail("minsu@example.kr").orElseThrow();
        assertThat(user.username()).isEqualTo("minsu");
        assertThat(user.active()).isFalse();
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.staff()).isFalse();
        assertThat(user.superuser()).isFalse();
        assertThat(user.dateJoined()).isEqualTo(T0);
        assertThat(PasswordHashers.forTesting().matches(PASSWORD, user.passwordHash())).isTrue();

        OutboxMail mail = fx.onlyMailTo("minsu@example.kr");
        assertThat(mail.userId()).isEqualTo(user.id());
        assertThat(mail.status()).isEqualTo(OutboxMail.Status.PENDING);
        assertThat(mail.message().subject()).isEqualTo(PlainMailTemplates.VERIFY);
        assertThat(mail.message().from().toString()).isEqualTo("\"Example\" <no-reply@example.org>");
        assertThat(FlowsFixture.urls(mail)).singleElement().asString().startsWith(BASE_URL + "/verify/");
    }

    @Test
    void registerPublishesSignedUp() {
        register("minsu", "minsu@example.kr", PASSWORD);

        long id = fx.byEmail("minsu@example.kr").orElseThrow().id();
        assertThat(fx.eventsOf(AuthEvent.SignedUp.class)).containsExactly(new AuthEvent.SignedUp(id, T0));
    }

    @Test
    void registerKeepsTheLanguageForTheMail() {
        fx.signUp().register(SignUpRequest.of("minsu", "minsu@example.kr", PASSWORD).locale(Locale.KOREAN));

        assertThat(fx.byEmail("minsu@example.kr").orElseThrow().locale()).isEqualTo(Locale.KOREAN);
    }

    @Test
    void registerWhenEveryFieldIsBadThenEveryErrorNamesItsFieldAndNothingIsStored() {
        SignUpResult result = register("bad name!", "not-an-address", "123");

        assertThat(result).isInstanceOf(SignUpResult.Invalid.class);
        List<FieldError> errors = ((SignUpResult.Invalid) result).errors();
        assertThat(errors).extracting(FieldError::field).contains("username", "email", "password")
                .containsOnly("username", "email", "password");
        assertThat(errors).extracting(FieldError::code)
                .contains("username_invalid_character", "email_invalid", "password_too_short",
                        "password_entirely_numeric");
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.english()).endsWith(".");
            assertThat(e.korean()).isNotBlank().isNotEqualTo(e.english());
            assertThat(e.message(Locale.KOREAN)).isEqualTo(e.korean());
            assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.english());
        });
        assertNothingStored();
    }

    @Test
    void registerWhenFieldsAreBlankThenEachIsNamed() {
        SignUpResult result = register("", "", "");

        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::field, FieldError::code)
                .contains(org.assertj.core.groups.Tuple.tuple("username", "username_blank"),
                        org.assertj.core.groups.Tuple.tuple("email", "email_blank"),
                        org.assertj.core.groups.Tuple.tuple("password", "password_too_short"));
        assertNothingStored();
    }

    @Test
    void registerWhenPasswordResemblesTheUsernameThenPasswordError() {
        SignUpResult result = register("lighthousekeeper", "keeper@example.org", "lighthousekeeper1");

        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("password", "password_too_similar"));
        assertNothingStored();
    }

    @Test
    void registerWhenPasswordHasABrokenCharacterThenPasswordErrorAndNoHash() {
        SignUpResult result = register("minsu", "minsu@example.kr", "correct horse \uD800 battery");

        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::code)
                .containsExactly("password_invalid_character");
        assertNothingStored();
    }

    @Test
    void registerWhenAddressCannotHeadAMailThenEmailError() {
        // U+010A is a letter, so a valid address, but its low byte is LF: no mail header may carry it.
        SignUpResult result = register("minsu", "\u010Aminsu@example.kr", PASSWORD);

        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "header_control_char"));
        assertNothingStored();
    }

    @Test
    void registerWhenInputHasControlCharactersOrIsOverLongThenFieldErrors() {
        SignUpResult result = register("minsu\r\nBcc: x", "minsu@example.kr\r\nBcc: evil@example.com",
                PASSWORD);
        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::field)
                .containsExactly("username", "email");

        SignUpResult tooLong = register("a".repeat(151), "a".repeat(250) + "@example.kr", "x".repeat(10_000));
        assertThat(((SignUpResult.Invalid) tooLong).errors()).extracting(FieldError::code)
                .containsExactly("username_too_long", "email_too_long", "password_too_long");
        assertNothingStored();
    }

    @Test
    void registerWhenUsernameTakenThenUsernameError() {
        fx.gatehouse.accounts().createUser("minsu", "first@example.kr", PASSWORD);
        fx.counting.reset();

        SignUpResult result = register("MINSU", "second@example.kr", PASSWORD);

        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("username", "username_taken"));
        assertThat(fx.byEmail("second@example.kr")).isEmpty();
        assertThat(fx.mails()).isEmpty();
        assertThat(fx.counting.hashes()).isZero();
    }

    @Test
    void registerWhenEmailTakenAndProtectionOnThenSameAnswerAndTheOwnerGetsAccountExists() {
        User owner = fx.gatehouse.accounts().createUser("minsu", "Minsu@Example.kr", PASSWORD);
        fx.counting.reset();

        SignUpResult duplicate = register("someone", "minsu@example.KR", "another fine passphrase");

        assertThat(duplicate).isEqualTo(new SignUpResult.Accepted());
        assertThat(fx.allUsers()).containsExactly(owner);
        assertThat(fx.counting.encodes()).as("hashes like a real sign-up").isEqualTo(1);
        OutboxMail mail = fx.onlyMailTo("Minsu@Example.kr");
        assertThat(mail.message().subject()).isEqualTo(PlainMailTemplates.ACCOUNT_EXISTS);
        assertThat(mail.userId()).isEqualTo(owner.id());
        assertThat(FlowsFixture.urls(mail)).containsExactly(BASE_URL + "/login", BASE_URL + "/password/reset");
        assertThat(fx.mailsTo("minsu@example.KR")).as("never the address as typed").isEmpty();
        assertThat(fx.eventsOf(AuthEvent.SignedUp.class)).isEmpty();
    }

    @Test
    void registerWhenEmailTakenThenTheSameWorkAsANewSignUp() {
        fx.gatehouse.accounts().createUser("owner", "owner@example.kr", PASSWORD);
        fx.counting.reset();
        register("fresh", "fresh@example.kr", PASSWORD);
        int freshHashes = fx.counting.hashes();
        fx.counting.reset();

        register("someone", "owner@example.kr", PASSWORD);

        assertThat(fx.counting.hashes()).isEqualTo(freshHashes).isEqualTo(1);
    }

    @Test
    void registerWhenEmailTakenThenTheOwnerIsMailedAtMostOncePerCooldown() {
        fx.gatehouse.accounts().createUser("owner", "owner@example.kr", PASSWORD);

        for (int i = 0; i < 5; i++) {
            assertThat(register("someone" + i, "owner@example.kr", PASSWORD).isAccepted()).isTrue();
        }
        assertThat(fx.mailsTo("owner@example.kr")).hasSize(1);

        fx.advance(AccountFlowSettings.DEFAULT_RESEND_COOLDOWN);
        register("later", "owner@example.kr", PASSWORD);
        assertThat(fx.mailsTo("owner@example.kr")).hasSize(2);
    }

    @Test
    void registerWhenEmailTakenAndProtectionOffThenEmailError() {
        FlowsFixture open = new FlowsFixture(s -> s.enumerationProtection(false));
        open.gatehouse.accounts().createUser("owner", "owner@example.kr", PASSWORD);

        SignUpResult result = open.signUp().register(SignUpRequest.of("someone", "OWNER@example.kr", PASSWORD));

        assertThat(result).isInstanceOf(SignUpResult.Invalid.class);
        FieldError error = ((SignUpResult.Invalid) result).errors().get(0);
        assertThat(error.field()).isEqualTo("email");
        assertThat(error.code()).isEqualTo("email_taken");
        assertThat(error.english()).isEqualTo("An account with this email address already exists.");
        assertThat(open.allUsers()).hasSize(1);
        assertThat(open.mails()).isEmpty();
    }

    @Test
    void registerWhenUsernameAndEmailTakenAndProtectionOnThenOnlyTheUsernameIsReported() {
        fx.gatehouse.accounts().createUser("owner", "owner@example.kr", PASSWORD);

        SignUpResult result = register("owner", "owner@example.kr", PASSWORD);

        assertThat(((SignUpResult.Invalid) result).errors()).extracting(FieldError::code)
                .containsExactly("username_taken");
        assertThat(fx.mails()).isEmpty();
    }

    @Test
    void registerConcurrentlyWithOneAddressCreatesOneAccountAndAnswersAlike() throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<SignUpResult>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "racer" + i;
                calls.add(() -> register(name, "race@example.kr", PASSWORD));
            }
            List<Future<SignUpResult>> results = pool.invokeAll(calls, 30, TimeUnit.SECONDS);
            for (Future<SignUpResult> f : results) {
                assertThat(f.get()).isEqualTo(new SignUpResult.Accepted());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.allUsers()).hasSize(1);
        assertThat(fx.mailsTo("race@example.kr")).extracting(m -> m.message().subject())
                .containsExactly(PlainMailTemplates.VERIFY);
    }

    @Test
    void registerConcurrentlyWithOneAddressAndProtectionOffThenOneSucceedsAndTheRestAreToldItIsTaken()
            throws Exception {
        FlowsFixture open = new FlowsFixture(s -> s.enumerationProtection(false));
        int[] next = {0};
        List<SignUpResult> results = EmailVerificationTest.race(8, () -> {
            String name;
            synchronized (next) {
                name = "racer" + next[0]++;
            }
            return open.signUp().register(SignUpRequest.of(name, "race@example.kr", PASSWORD));
        });

        assertThat(results).filteredOn(SignUpResult::isAccepted).hasSize(1);
        assertThat(results).filteredOn(r -> !r.isAccepted()).hasSize(7).allSatisfy(r ->
                assertThat(((SignUpResult.Invalid) r).errors()).extracting(FieldError::field, FieldError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "email_taken")));
        assertThat(open.allUsers()).hasSize(1);
    }

    @Test
    void registerHashesOutsideTheTransactionAndStoresTheUserWithItsMailInOne() {
        fx.tx.clear();

        register("minsu", "minsu@example.kr", PASSWORD);

        assertThat(fx.tx.transactions()).containsExactly(List.of("users.create", "outbox.enqueue"));
        assertThat(fx.tx.outside()).containsExactly("hash");
    }

    @Test
    void registerWhenTheMailCannotBeQueuedThenTheTransactionFailsAndTheCallerSeesIt() {
        FlowsFixture broken = new FlowsFixture(s -> s.templates(new PlainMailTemplates() {
            @Override
            public io.gatehouse.mail.template.MailContent verifyEmail(User user, String link) {
                throw new IllegalStateException("template broken");
            }
        }));

        assertThatThrownBy(() -> broken.signUp().register(SignUpRequest.of("minsu", "minsu@example.kr", PASSWORD)))
                .hasMessage("template broken");
        assertThat(broken.mails()).isEmpty();
        assertThat(broken.eventsOf(AuthEvent.SignedUp.class)).isEmpty();
    }

    @Test
    void requestToStringHidesThePassword() {
        assertThat(SignUpRequest.of("minsu", "minsu@example.kr", "hunter2-secret-words").toString())
                .contains("minsu").doesNotContain("hunter2");
    }

    private void assertNothingStored() {
        assertThat(fx.allUsers()).isEmpty();
        assertThat(fx.mails()).isEmpty();
        assertThat(fx.counting.hashes()).isZero();
        assertThat(fx.events).isEmpty();
    }
}
