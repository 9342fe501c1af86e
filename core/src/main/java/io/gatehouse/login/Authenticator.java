package io.gatehouse.login;

import io.gatehouse.event.AuthEvent;
import io.gatehouse.event.AuthEvent.FailureReason;
import io.gatehouse.event.AuthEvents;
import io.gatehouse.password.PasswordHasher;
import io.gatehouse.session.NewSession;
import io.gatehouse.session.SessionManager;
import io.gatehouse.throttle.LoginThrottle;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in and out (Django's {@code authenticate}, {@code login} and {@code logout}). Thread-safe.
 *
 * <p>A login is looked up by email when it contains {@code @}, else by username. The order of checks is:
 * throttling (no hash, same answer for every account), then exactly one password hash whether or not the
 * user exists and whatever its stored hash looks like, then the account's state. On success the stored
 * hash is upgraded when it is not in the current default format, {@code lastLogin} is set, and a new
 * session replaces the one the client held before.
 *
 * <p>Security note: failures are counted per account and per client address; the caller learns only
 * "invalid credentials", while the precise reason goes to {@link AuthEvent.LoginFailed} events.
 */
public final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    /** Passwords longer than this are never hashed: no stored password can be this long. */
    static final int MAX_PASSWORD_LENGTH = 4096;
    /** How often a login retries its compare-and-set write when concurrent logins of one user collide. */
    private static final int MAX_LOGIN_WRITES = 5;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionManager sessions;
    private final LoginThrottle throttle;
    private final AuthEvents events;
    private final Clock clock;
    private final String dummyHash;

    /**
     * Creates the service; hashes a random dummy password once, for the unknown-user path.
     *
     * @param users the user store
     * @param hasher the password hasher
     * @param sessions the session manager
     * @param throttle the login throttle
     * @param events where events go
     * @param clock the clock
     * @param random the source of the dummy password
     */
    public Authenticator(UserStore users, PasswordHasher hasher, SessionManager sessions, LoginThrottle throttle,
            AuthEvents events, Clock clock, SecureRandom random) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        byte[] dummy = new byte[24];
        Objects.requireNonNull(random, "random").nextBytes(dummy);
        this.dummyHash = hasher.encode(Base64.getEncoder().encodeToString(dummy));
    }

    /**
     * Checks a login and, when it is right, starts a new session.
     *
     * @param request the attempt
     * @return the outcome; never an exception for wrong credentials
     * @throws io.gatehouse.StoreException when a store fails; no session is issued then
     */
    public LoginResult login(LoginRequest request) {
        Objects.requireNonNull(request, "request");
        String login = request.login();
        String address = request.clientAddress();
        Optional<Duration> wait = throttle.retryAfter(login, address);
        if (wait.isPresent()) {
            failed(request, FailureReason.THROTTLED);
            return new LoginResult.Throttled(wait.get());
        }
        Optional<User> found = login.isEmpty() || login.length() > LoginRequest.MAX_LOGIN_LENGTH
                ? Optional.empty() : users.findByLogin(login);
        if (!passwordMatches(found, request.password())) {
            throttle.recordFailure(login, address);
            failed(request, found.isPresent() ? FailureReason.BAD_PASSWORD : FailureReason.UNKNOWN_USER);
            return new LoginResult.InvalidCredentials();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<User> loggedIn = recordLogin(found.get(), request.password(), now);
        if (loggedIn.isEmpty()) {
            failed(request, FailureReason.BAD_PASSWORD);
            return new LoginResult.InvalidCredentials();
        }
        User user = loggedIn.get();
        if (!user.active()) {
            FailureReason reason = user.emailVerified() ? FailureReason.INACTIVE : FailureReason.NOT_VERIFIED;
            failed(request, reason);
            return user.emailVerified() ? new LoginResult.Inactive() : new LoginResult.NotVerified();
        }
        throttle.recordSuccess(login);
        NewSession session = sessions.start(user, request.rememberMe(), request.previousSessionId());
        events.publish(new AuthEvent.LoggedIn(user.id(), address, now));
        return new LoginResult.Success(user, session);
    }

    /**
     * Logs out: deletes the session on the server. Unknown or malformed ids are ignored.
     *
     * @param sessionId the id from the client's cookie
     * @return true when a live session was ended
     */
    public boolean logout(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        Optional<Long> userId = sessions.resolve(sessionId).map(resolved -> resolved.user().id());
        boolean ended = sessions.end(sessionId);
        if (ended && userId.isPresent()) {
            events.publish(new AuthEvent.LoggedOut(userId.get(), clock.instant()));
        }
        return ended;
    }

    /**
     * Exactly one hash on every path: a missing user, or a stored value the hasher would not really check
     * (unusable, malformed, unknown algorithm), is replaced by the dummy hash.
     */
    private boolean passwordMatches(Optional<User> user, String password) {
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        String stored = user.map(User::passwordHash).filter(hasher::recognizes).orElse(null);
        boolean matches = hasher.matches(password, stored != null ? stored : dummyHash);
        return matches && stored != null;
    }

    /**
     * Writes the login onto the user as stored now, with a compare-and-set: the hash took a while, and a
     * password change or deactivation made meanwhile must neither be undone by this write nor bypassed by
     * this login. Returns the stored user (inactive users are returned unchanged, for the caller to refuse),
     * or empty when the password checked is no longer the user's.
     */
    private Optional<User> recordLogin(User checked, String password, Instant now) {
        @Nullable String upgraded = null;
        for (int attempt = 0; attempt < MAX_LOGIN_WRITES; attempt++) {
            // Write on top of the user as stored now, so a profile edit made during the hash survives.
            Optional<User> fresh = users.findById(checked.id())
                    .filter(u -> u.passwordHash().equals(checked.passwordHash()));
            if (fresh.isEmpty()) {
                return Optional.empty();
            }
            User user = fresh.get();
            if (!user.active()) {
                return Optional.of(user);
            }
            if (upgraded == null && hasher.needsRehash(user.passwordHash())) {
                // Upgrading the format changes the hash the sessions are bound to, so the user's other
                // sessions end, as in Django; the password itself is unchanged.
                upgraded = hasher.encode(password);
            }
            var builder = user.toBuilder().lastLogin(now);
            if (upgraded != null) {
                builder.passwordHash(upgraded);
            }
            User updated = builder.buildUser();
            if (users.updateIf(user, updated)) {
                if (upgraded != null) {
                    LOG.info("Upgraded the password hash of user {} to the current default.", user.id());
                }
                return Optional.of(updated);
            }
            // Something moved between the read and the write: another login's timestamp (try again), or
            // the password (the next read refuses).
        }
        LOG.warn("Gave up recording a login of user {} after {} concurrent updates.", checked.id(), MAX_LOGIN_WRITES);
        return Optional.empty();
    }

    private void failed(LoginRequest request, FailureReason reason) {
        events.publish(new AuthEvent.LoginFailed(request.shownLogin(), reason, request.clientAddress(),
                clock.instant()));
    }
}
