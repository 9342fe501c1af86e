package io.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.outbox.InMemoryMailOutbox;
import io.gatehouse.outbox.MailOutbox;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.password.CountingPasswordHasher;
import io.gatehouse.password.PasswordHasher;
import io.gatehouse.permission.InMemoryPermissionStore;
import io.gatehouse.session.InMemorySessionStore;
import io.gatehouse.testing.ForwardingUserStore;
import io.gatehouse.testing.MutableClock;
import io.gatehouse.testing.PlainMailTemplates;
import io.gatehouse.testing.RecordingUnitOfWork;
import io.gatehouse.throttle.InMemoryThrottleStore;
import io.gatehouse.user.InMemoryUserStore;
import io.gatehouse.user.NewUser;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Gatehouse} with the account flows on in-memory stores the test can read: the outbox where the mail
 * lands, a stepped clock, a fast counting hasher, and a {@link RecordingUnitOfWork} that the user store, the
 * outbox and the hasher report to, so a test can see what ran inside which transaction.
 */
final class FlowsFixture {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final String BASE_URL = "https://accounts.example.org";
    static final String FROM = "Example <no-reply@example.org>";
    static final String PASSWORD = "correct horse battery staple";
    static final String NEW_PASSWORD = "tangerine lighthouse 42 violin";

    final MutableClock clock = MutableClock.at(T0);
    final CountingPasswordHasher counting = CountingPasswordHasher.forTesting();
    final RecordingUnitOfWork tx = new RecordingUnitOfWork();
    final InMemoryUserStore userStore = new InMemoryUserStore();
    final InMemoryPermissionStore permissions = new InMemoryPermissionStore();
    final InMemorySessionStore sessionStore = new InMemorySessionStore();
    final InMemoryThrottleStore throttleStore = new InMemoryThrottleStore();
    final InMemoryMailOutbox outboxStore = new InMemoryMailOutbox();
    final List<AuthEvent> events = new CopyOnWriteArrayList<>();
    final Gatehouse gatehouse;

    FlowsFixture() {
        this(settings -> { });
    }

    FlowsFixture(Consumer<AccountFlowSettings.Builder> customize) {
        AccountFlowSettings.Builder settings = AccountFlowSettings.builder(BASE_URL, FROM)
                .templates(new PlainMailTemplates());
        customize.accept(settings);
        gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                .userStore(new ProbedUserStore(userStore, tx))
                .permissionStore(permissions)
                .sessionStore(sessionStore)
                .throttleStore(throttleStore)
                .mailOutbox(new ProbedOutbox(outboxStore, tx))
                .unitOfWork(tx)
                .passwordHasher(new ProbedHasher(counting, tx))
                .clock(clock)
                .listener(events::add)
                .accountFlows(settings.build())
                .build();
        counting.reset();
    }

    SignUp signUp() {
        return gatehouse.signUp();
    }

    EmailVerification verification() {
        return gatehouse.verification();
    }

    PasswordReset reset() {
        return gatehouse.passwordReset();
    }

    EmailChange emailChange() {
        return gatehouse.emailChange();
    }

    /** Signs up, follows the verification link, and returns the verified user. */
    User verifiedUser(String username, String email) {
        assertThat(signUp().register(SignUpRequest.of(username, email, PASSWORD)).isAccepted()).isTrue();
        Link link = link(onlyMailTo(email), AccountFlowSettings.DEFAULT_VERIFY_EMAIL_PATH);
        VerificationResult result = verification().verify(link.uid(), link.token());
        assertThat(result).isInstanceOf(VerificationResult.Verified.class);
        return ((VerificationResult.Verified) result).user();
    }

    /** Logs in and returns the session id for the cookie. */
    String login(String login, String password) {
        LoginResult result = gatehouse.authenticator().login(LoginRequest.of(login, password));
        if (!(result instanceof LoginResult.Success success)) {
            throw new AssertionError("Expected the login of " + login + " to succeed, was " + result + ".");
        }
        return success.session().id();
    }

    LoginResult tryLogin(String login, String password) {
        return gatehouse.authenticator().login(LoginRequest.of(login, password));
    }

    boolean resolves(String sessionId) {
        return gatehouse.sessions().resolve(sessionId).isPresent();
    }

    User stored(long id) {
        return userStore.findById(id).orElseThrow();
    }

    Optional<User> byEmail(String email) {
        return userStore.findByEmail(email);
    }

    List<User> allUsers() {
        return LongStream.rangeClosed(1, 100).mapToObj(userStore::findById).flatMap(Optional::stream).toList();
    }

    /** Every mail in the outbox, oldest first; ids start at 1 and tests queue few. */
    List<OutboxMail> mails() {
        return LongStream.rangeClosed(1, 500).mapToObj(outboxStore::find).flatMap(Optional::stream).toList();
    }

    List<OutboxMail> mailsTo(String address) {
        return mails().stream()
                .filter(m -> m.message().to().stream().anyMatch(to -> to.address().equals(address)))
                .toList();
    }

    OutboxMail onlyMailTo(String address) {
        List<OutboxMail> mails = mailsTo(address);
        assertThat(mails).as("mail to " + address).hasSize(1);
        return mails.get(0);
    }

    OutboxMail lastMailTo(String address) {
        List<OutboxMail> mails = mailsTo(address);
        assertThat(mails).as("mail to " + address).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    <E extends AuthEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Every URL in a mail's text, in order. */
    static List<String> urls(OutboxMail mail) {
        Matcher m = Pattern.compile("https?://\\S+").matcher(mail.message().text());
        return m.results().map(r -> r.group()).toList();
    }

    /**
     * Reads the uid and token out of the one link in a mail that matches a path template, as the web layer's
     * router would.
     */
    static Link link(OutboxMail mail, String pathTemplate) {
        String regex = Pattern.quote(BASE_URL + pathTemplate).replace("{uid}", "\\E([^/?#]+)\\Q")
                .replace("{token}", "\\E([^/?#]+)\\Q");
        List<Link> links = urls(mail).stream().map(url -> Pattern.compile(regex).matcher(url))
                .filter(Matcher::matches).map(m -> new Link(m.group(1), m.group(2))).toList();
        assertThat(links).as("links to " + pathTemplate + " in " + mail.message().text()).hasSize(1);
        return links.get(0);
    }

    /** The variable parts of a link. */
    record Link(String uid, String token) {
    }

    /** The user store, reporting every write to the unit of work. */
    static class ProbedUserStore extends ForwardingUserStore {
        private final RecordingUnitOfWork tx;

        ProbedUserStore(UserStore delegate, RecordingUnitOfWork tx) {
            super(delegate);
            this.tx = tx;
        }

        @Override
        public User create(NewUser user) {
            tx.note("users.create");
            return super.create(user);
        }

        @Override
        public boolean update(User user) {
            tx.note("users.update");
            return super.update(user);
        }

        @Override
        public boolean updateIf(User expected, User next) {
            tx.note("users.updateIf");
            return super.updateIf(expected, next);
        }

        @Override
        public boolean delete(long id) {
            tx.note("users.delete");
            return super.delete(id);
        }
    }


    /** The outbox, reporting every write to the unit of work. */
    static final class ProbedOutbox implements MailOutbox {
        private final MailOutbox delegate;
        private final RecordingUnitOfWork tx;

        ProbedOutbox(MailOutbox delegate, RecordingUnitOfWork tx) {
            this.delegate = delegate;
            this.tx = tx;
        }

        @Override
        public OutboxMail enqueue(EmailMessage message, @Nullable Long userId, Instant now) {
            tx.note("outbox.enqueue");
            return delegate.enqueue(message, userId, now);
        }

        @Override
        public List<OutboxMail> claim(Instant now, Duration lease, int limit) {
            return delegate.claim(now, lease, limit);
        }

        @Override
        public boolean markSent(long id, Instant now) {
            return delegate.markSent(id, now);
        }

        @Override
        public boolean markFailed(long id, @Nullable Instant retryAt, String error) {
            return delegate.markFailed(id, retryAt, error);
        }

        @Override
        public Optional<OutboxMail> find(long id) {
            return delegate.find(id);
        }

        @Override
        public int deleteUnsent(long userId) {
            tx.note("outbox.deleteUnsent");
            return delegate.deleteUnsent(userId);
        }

        @Override
        public int deleteFinishedBefore(Instant cutoff, int limit) {
            return delegate.deleteFinishedBefore(cutoff, limit);
        }
    }

    /** The hasher, reporting every hash it computes to the unit of work. */
    static final class ProbedHasher implements PasswordHasher {
        private final PasswordHasher delegate;
        private final RecordingUnitOfWork tx;

        ProbedHasher(PasswordHasher delegate, RecordingUnitOfWork tx) {
            this.delegate = delegate;
            this.tx = tx;
        }

        @Override
        public String encode(CharSequence raw) {
            tx.note("hash");
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            tx.note("hash");
            return delegate.matches(raw, encoded);
        }

        @Override
        public boolean needsRehash(String encoded) {
            return delegate.needsRehash(encoded);
        }

        @Override
        public boolean recognizes(String encoded) {
            return delegate.recognizes(encoded);
        }
    }
}
