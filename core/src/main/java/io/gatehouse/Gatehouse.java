package io.gatehouse;

import io.gatehouse.account.AccountFlowSettings;
import io.gatehouse.account.AccountMail;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.EmailChange;
import io.gatehouse.account.EmailVerification;
import io.gatehouse.account.PasswordReset;
import io.gatehouse.account.SignUp;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.event.AuthEventListener;
import io.gatehouse.event.AuthEvents;
import io.gatehouse.login.Authenticator;
import io.gatehouse.outbox.InMemoryMailOutbox;
import io.gatehouse.outbox.MailOutbox;
import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.password.validation.PasswordPolicy;
import io.gatehouse.permission.Authorizer;
import io.gatehouse.permission.InMemoryPermissionStore;
import io.gatehouse.permission.PermissionStore;
import io.gatehouse.permission.Subject;
import io.gatehouse.session.InMemorySessionStore;
import io.gatehouse.session.ResolvedSession;
import io.gatehouse.session.SessionManager;
import io.gatehouse.session.SessionSettings;
import io.gatehouse.session.SessionStore;
import io.gatehouse.session.SessionSubjectLookup;
import io.gatehouse.throttle.InMemoryThrottleStore;
import io.gatehouse.throttle.LoginThrottle;
import io.gatehouse.throttle.ThrottlePolicy;
import io.gatehouse.throttle.ThrottleStore;
import io.gatehouse.token.TokenGenerator;
import io.gatehouse.user.InMemoryUserStore;
import io.gatehouse.user.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: one object that wires the stores, the secret key ring, the clock and the settings into
 * the services an application uses.
 *
 * <pre>{@code
 * Gatehouse gatehouse = Gatehouse.builder(SecretKeyRing.fromBase64(System.getenv("GATEHOUSE_SECRET_KEY")))
 *         .build();                        // in-memory stores; pass JDBC stores in production
 * gatehouse.accounts().createUser("alice", "alice@example.com", "correct horse battery staple");
 * LoginResult result = gatehouse.authenticator().login(LoginRequest.of("alice", password));
 * }</pre>
 *
 * <p>The self-service flows that mail links ({@link #signUp()}, {@link #verification()}, {@link #passwordReset()},
 * {@link #emailChange()}) need the site's base URL and a sender: {@link Builder#accountFlows}.
 *
 * <p>Immutable and thread-safe: build one per application and share it.
 */
public final class Gatehouse {
    private final UserStore users;
    private final PermissionStore permissionStore;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionManager sessions;
    private final Authorizer authorizer;
    private final Authenticator authenticator;
    private final Accounts accounts;
    private final Clock clock;
    private final SessionSettings sessionSettings;
    private final TokenGenerator tokens;
    private final MailOutbox outbox;
    private final UnitOfWork unitOfWork;
    private final @Nullable SignUp signUp;
    private final @Nullable EmailVerification verification;
    private final @Nullable PasswordReset passwordReset;
    private final @Nullable EmailChange emailChange;

    private Gatehouse(Builder b) {
        clock = b.clock;
        sessionSettings = b.sessionSettings;
        users = b.users;
        permissionStore = b.permissions;
        hasher = b.hasher;
        policy = b.policy;
        AuthEvents events = new AuthEvents(b.listeners);
        SessionSubjectLookup lookup = b.lookup != null ? b.lookup
                : SessionSubjectLookup.fromStores(b.sessionStore, users, permissionStore);
        sessions = SessionManager.builder(b.sessionStore, lookup, b.keys, b.clock)
                .random(b.random)
                .settings(b.sessionSettings)
                .build();
        authorizer = new Authorizer(permissionStore);
        LoginThrottle throttle = new LoginThrottle(b.throttleStore, b.throttlePolicy, b.clock);
        authenticator = new Authenticator(users, hasher, sessions, throttle, events, b.clock, b.random);
        tokens = TokenGenerator.create(b.keys, b.clock);
        outbox = b.outbox;
        unitOfWork = b.unitOfWork;
        AccountMail mail = AccountMail.create(outbox, unitOfWork, b.throttleStore, b.clock, b.flows);
        accounts = new Accounts(users, permissionStore, sessions, hasher, policy, throttle, events, b.clock, mail);
        if (b.flows != null) {
            signUp = new SignUp(users, hasher, policy, tokens, mail, events);
            verification = new EmailVerification(users, tokens, mail, events);
            passwordReset = new PasswordReset(users, hasher, policy, tokens, sessions, mail, events);
            emailChange = new EmailChange(users, hasher, sessions, throttle, tokens, mail);
        } else {
            signUp = null;
            verification = null;
            passwordReset = null;
            emailChange = null;
        }
    }

    /**
     * Starts a builder. Everything but the key ring has a default: in-memory stores, the system UTC clock,
     * {@link PasswordHashers#defaults()}, {@link PasswordPolicy#defaults()}, {@link SessionSettings#defaults()}
     * and {@link ThrottlePolicy#defaults()}.
     *
     * @param keys the server's secret keys; sessions are bound to them
     * @return a builder
     */
    public static Builder builder(SecretKeyRing keys) {
        return new Builder(keys);
    }

    /**
     * The outbox account flows queue their mail in; a delivery worker sends from it.
     *
     * @return the outbox
     */
    public MailOutbox mailOutbox() {
        return outbox;
    }

    /**
     * The unit of work that spans a state change and the mail it queues.
     *
     * @return the unit of work
     */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /**
     * Creating users, profile and flag updates, password change, account deletion.
     *
     * @return the account service
     */
    public Accounts accounts() {
        return accounts;
    }

    /**
     * Self-service sign-up with email verification.
     *
     * @return the sign-up service
     * @throws IllegalStateException when the builder was given no {@link Builder#accountFlows account flow
     *     settings}
     */
    public SignUp signUp() {
        return flow(signUp);
    }

    /**
     * Following verification links, and sending them again.
     *
     * @return the verification service
     * @throws IllegalStateException when the builder was given no {@link Builder#accountFlows account flow
     *     settings}
     */
    public EmailVerification verification() {
        return flow(verification);
    }

    /**
     * Password reset by emailed link.
     *
     * @return the reset service
     * @throws IllegalStateException when the builder was given no {@link Builder#accountFlows account flow
     *     settings}
     */
    public PasswordReset passwordReset() {
        return flow(passwordReset);
    }

    /**
     * Changing the account's email address, confirmed from the new address.
     *
     * @return the email-change service
     * @throws IllegalStateException when the builder was given no {@link Builder#accountFlows account flow
     *     settings}
     */
    public EmailChange emailChange() {
        return flow(emailChange);
    }

    private static <T> T flow(@Nullable T service) {
        if (service == null) {
            throw new IllegalStateException("The account mail flows are not configured: pass the site's base URL "
                    + "and the sender with Gatehouse.builder(keys).accountFlows("
                    + "AccountFlowSettings.builder(baseUrl, from).build()).");
        }
        return service;
    }

    /**
     * Who a request acts as, from its session cookie: the one call a web layer makes per request.
     *
     * @param sessionId the session cookie's value, or {@code null} when the request has none
     * @return the logged-in user with its permissions, or {@link Subject#anonymous()} when the id is missing,
     *     malformed, unknown, expired, or its user is inactive or changed password
     */
    public Subject subject(@Nullable String sessionId) {
        return sessions.resolve(sessionId).map(ResolvedSession::subject).orElse(Subject.anonymous());
    }

    /**
     * Logging in and out.
     *
     * @return the authenticator
     */
    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * Resolving, listing and revoking sessions.
     *
     * @return the session manager
     */
    public SessionManager sessions() {
        return sessions;
    }

    /**
     * Permission checks and resource registration.
     *
     * @return the authorizer
     */
    public Authorizer permissions() {
        return authorizer;
    }

    /**
     * Groups and grants, for administration screens.
     *
     * @return the permission store
     */
    public PermissionStore permissionStore() {
        return permissionStore;
    }

    /**
     * Direct access to users, for lookups and listings. Change users through {@link #accounts()}, which
     * checks input and ends sessions when it must; writing to the store directly bypasses both.
     *
     * @return the user store
     */
    public UserStore users() {
        return users;
    }

    /**
     * One-time tokens for password-reset, email-verification and email-change links, signed with this
     * instance's key ring and clock.
     *
     * @return the token generator
     */
    public TokenGenerator tokens() {
        return tokens;
    }

    /**
     * The password hasher in use.
     *
     * @return the hasher
     */
    public PasswordHasher passwordHasher() {
        return hasher;
    }

    /**
     * The password policy new passwords must meet.
     *
     * @return the policy
     */
    public PasswordPolicy passwordPolicy() {
        return policy;
    }

    /**
     * The clock every expiry is measured by.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The session lifetimes, for setting cookie lifetimes to match.
     *
     * @return the session settings
     */
    public SessionSettings sessionSettings() {
        return sessionSettings;
    }

    @Override
    public String toString() {
        return "Gatehouse[users=" + users.getClass().getSimpleName() + ", hasher=" + hasher + "]";
    }

    /** Collects what {@link Gatehouse} is built from. Not thread-safe; build once at start-up. */
    public static final class Builder {
        private final SecretKeyRing keys;
        private UserStore users = new InMemoryUserStore();
        private PermissionStore permissions = new InMemoryPermissionStore();
        private SessionStore sessionStore = new InMemorySessionStore();
        private ThrottleStore throttleStore = new InMemoryThrottleStore();
        private MailOutbox outbox = new InMemoryMailOutbox();
        private UnitOfWork unitOfWork = UnitOfWork.none();
        private @Nullable SessionSubjectLookup lookup;
        private @Nullable AccountFlowSettings flows;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private PasswordHasher hasher = PasswordHashers.defaults();
        private PasswordPolicy policy = PasswordPolicy.defaults();
        private SessionSettings sessionSettings = SessionSettings.defaults();
        private ThrottlePolicy throttlePolicy = ThrottlePolicy.defaults();
        private final List<AuthEventListener> listeners = new ArrayList<>();

        private Builder(SecretKeyRing keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * Sets the user store.
         *
         * @param value the store
         * @return this builder
         */
        public Builder userStore(UserStore value) {
            users = Objects.requireNonNull(value, "userStore");
            return this;
        }

        /**
         * Sets the permission store.
         *
         * @param value the store
         * @return this builder
         */
        public Builder permissionStore(PermissionStore value) {
            permissions = Objects.requireNonNull(value, "permissionStore");
            return this;
        }

        /**
         * Sets the session store.
         *
         * @param value the store
         * @return this builder
         */
        public Builder sessionStore(SessionStore value) {
            sessionStore = Objects.requireNonNull(value, "sessionStore");
            return this;
        }

        /**
         * Sets the request-path lookup (session, user and permissions in one call). By default it is composed
         * from the three stores; a SQL store supplies a one-query version.
         *
         * @param value the lookup
         * @return this builder
         */
        public Builder sessionLookup(SessionSubjectLookup value) {
            lookup = Objects.requireNonNull(value, "sessionLookup");
            return this;
        }

        /**
         * Sets the store of login-failure counters.
         *
         * @param value the store
         * @return this builder
         */
        public Builder throttleStore(ThrottleStore value) {
            throttleStore = Objects.requireNonNull(value, "throttleStore");
            return this;
        }

        /**
         * Sets the outbox that account flows queue their mail in.
         *
         * @param value the outbox
         * @return this builder
         */
        public Builder mailOutbox(MailOutbox value) {
            outbox = Objects.requireNonNull(value, "mailOutbox");
            return this;
        }

        /**
         * Sets the unit of work that spans a state change and the mail it queues. Use the one of the store
         * that also supplies the outbox; the default, {@link UnitOfWork#none()}, suits in-memory stores.
         *
         * @param value the unit of work
         * @return this builder
         */
        public Builder unitOfWork(UnitOfWork value) {
            unitOfWork = Objects.requireNonNull(value, "unitOfWork");
            return this;
        }

        /**
         * Turns on the account mail flows (sign-up, verification, password reset, email change, and the
         * password-changed notice) with the site's base URL, the sender and the mail templates. Their mail is queued
         * in the {@link #mailOutbox outbox}; the per-address cool-downs are counted in the
         * {@link #throttleStore throttle store}.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder accountFlows(AccountFlowSettings value) {
            flows = Objects.requireNonNull(value, "accountFlows");
            return this;
        }

        /**
         * Sets the clock every expiry is measured by.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the source of session ids and salts.
         *
         * @param value a strong random source
         * @return this builder
         */
        public Builder random(SecureRandom value) {
            random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * Sets the password hasher.
         *
         * @param value the hasher
         * @return this builder
         */
        public Builder passwordHasher(PasswordHasher value) {
            hasher = Objects.requireNonNull(value, "passwordHasher");
            return this;
        }

        /**
         * Sets the password policy.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder passwordPolicy(PasswordPolicy value) {
            policy = Objects.requireNonNull(value, "passwordPolicy");
            return this;
        }

        /**
         * Sets the session lifetimes and limits.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder sessionSettings(SessionSettings value) {
            sessionSettings = Objects.requireNonNull(value, "sessionSettings");
            return this;
        }

        /**
         * Sets the login throttling policy.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder throttlePolicy(ThrottlePolicy value) {
            throttlePolicy = Objects.requireNonNull(value, "throttlePolicy");
            return this;
        }

        /**
         * Adds a listener for account events.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(AuthEventListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Builds the facade. Hashes one dummy password, for the unknown-user login path.
         *
         * @return the facade
         */
        public Gatehouse build() {
            return new Gatehouse(this);
        }
    }
}
