package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.Gatehouse;
import io.gatehouse.account.AccountFlowSettings;
import io.gatehouse.account.ResetResult;
import io.gatehouse.account.SignUpRequest;
import io.gatehouse.account.SignUpResult;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.user.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The races, through the account flows on a real database: the database's constraints and the
 * store's compare-and-set decide, not the JVM.
 */
abstract class AccountFlowRacesCases {
    private static final String PASSWORD = "correct horse battery staple 42";
    private static final int THREADS = 32;

    private JdbcStores stores;
    private Gatehouse gatehouse;

    abstract DatabaseFixture db();

    @BeforeEach
    void wire() {
        stores = db().freshStores();
        gatehouse = stores.configure(Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                        .passwordHasher(PasswordHashers.forTesting()))
                .accountFlows(AccountFlowSettings.builder("https://example.com", "Example <no-reply@example.com>")
                        .enumerationProtection(false)
                        .build())
                .build();
    }

    @Test
    void thirtyTwoSignUpsWithOneEmailInDifferentFormsMakeOneUserAndOneVerificationMail() throws Exception {
        List<SignUpResult> results = simultaneously(i -> () -> gatehouse.signUp()
                .register(SignUpRequest.of("racer" + i, spelling(i) + "@Example.com", PASSWORD)));

        assertThat(results).filteredOn(SignUpResult::isAccepted).hasSize(1);
        assertThat(results).filteredOn(r -> !r.isAccepted()).hasSize(THREADS - 1)
                .allSatisfy(r -> assertThat(((SignUpResult.Invalid) r).errors())
                        .anySatisfy(e -> assertThat(e.field()).isEqualTo("email")));
        List<OutboxMail> mail = stores.outbox().claim(Instant.now().plusSeconds(60), Duration.ofMinutes(1), 100);
        assertThat(mail).singleElement()
                .satisfies(m -> assertThat(m.message().text()).contains("https://example.com/verify/"));
        assertThat(stores.users().findByEmail("shared@example.com")).isPresent();
    }

    @Test
    void twoConcurrentResetConfirmsWithOneTokenLetExactlyOneSucceed() throws Exception {
        User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);
        gatehouse.passwordReset().request("alice@example.com");
        OutboxMail resetMail = stores.outbox().claim(Instant.now().plusSeconds(60), Duration.ofMinutes(1), 10)
                .get(0);
        Matcher link = Pattern.compile("https://example\\.com/password/reset/([\\w-]+)/([\\w-]+)")
                .matcher(resetMail.message().text());
        assertThat(link.find()).isTrue();

        List<ResetResult> results = simultaneously(2, i -> () ->
                gatehouse.passwordReset().confirm(link.group(1), link.group(2), "a brand new passphrase " + i));

        assertThat(results).filteredOn(r -> r instanceof ResetResult.Reset).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof ResetResult.InvalidLink).hasSize(1);
        User stored = stores.users().findById(alice.id()).orElseThrow();
        int winner = results.get(0) instanceof ResetResult.Reset ? 0 : 1;
        assertThat(PasswordHashers.forTesting().matches("a brand new passphrase " + winner, stored.passwordHash()))
                .isTrue();
    }

    /** Upper case by the index's bits, fullwidth for the upper half: 32 distinct spellings of "shared". */
    private static String spelling(int index) {
        StringBuilder s = new StringBuilder();
        String word = "shared";
        for (int c = 0; c < word.length(); c++) {
            char ch = word.charAt(c);
            if ((index >> (c % 4) & 1) == 1) {
                ch = Character.toUpperCase(ch);
            }
            s.append(index >= THREADS / 2 ? (char) (ch - 'A' + 'Ａ') : ch);
        }
        return s.toString();
    }

    private static <T> List<T> simultaneously(IntFunction<Callable<T>> calls) throws Exception {
        return simultaneously(THREADS, calls);
    }

    private static <T> List<T> simultaneously(int threads, IntFunction<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> call = calls.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
