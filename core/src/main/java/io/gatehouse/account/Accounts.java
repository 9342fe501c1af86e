package io.gatehouse.account;

import io.gatehouse.InvalidInputException;
import io.gatehouse.StoreException;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.event.AuthEvents;
import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.validation.PasswordContext;
import io.gatehouse.password.validation.PasswordPolicy;
import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.permission.PermissionStore;
import io.gatehouse.session.NewSession;
import io.gatehouse.session.ResolvedSession;
import io.gatehouse.session.SessionManager;
import io.gatehouse.user.AdminUserUpdate;
import io.gatehouse.user.EmailAddress;
import io.gatehouse.user.ProfileUpdate;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import io.gatehouse.user.UserStore;
import io.gatehouse.user.Username;
import io.gatehouse.throttle.LoginThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Account management: create users, update profiles and flags, change or set passwords, delete accounts.
 * Thread-safe.
 *
 * <p>Every method checks all of its input (username, email, password policy) before it hashes anything or
 * writes to a store, so bad input changes nothing. Passwords are hashed before any store call, outside the
 * {@link io.gatehouse.UnitOfWork} that stores a change together with the mail it queues. When the account mail
 * flows are configured, a password change queues a notice to the user's address.
 */
public final class Accounts {
    /** How often a write is retried when concurrent writes keep moving the user's security state. */
    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final UserStore users;
    private final PermissionStore permissions;
    private final SessionManager sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final AuthEvents events;
    private final Clock clock;
    private final AccountMail mail;

    /**
     * Creates the service.
     *
     * @param users the user store
     * @param permissions the permission store, cleared of a deleted user's grants
     * @param sessions the session manager
     * @param hasher the password hasher
     * @param policy the password policy new passwords must meet
     * @param throttle counts wrong current passwords in a password change against the account, like logins
     * @param events where events go
     * @param clock the clock
     * @param mail the outbox and unit of work; a deleted user's unsent mail is dropped from the outbox, and a
     *     password change queues a notice when the mail flows are {@linkplain AccountMail#configured() configured}
     */
    public Accounts(UserStore users, PermissionStore permissions, SessionManager sessions, PasswordHasher hasher,
            PasswordPolicy policy, LoginThrottle throttle, AuthEvents events, Clock clock, AccountMail mail) {
        this.users = Objects.requireNonNull(users, "users");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mail = Objects.requireNonNull(mail, "mail");
    }

    /**
     * Creates an active user whose email counts as verified, as an administrator or a script would.
     *
     * @param username the username as typed
     * @param email the email address
     * @param password the password, checked against the policy
     * @return the stored user
     * @throws InvalidInputException naming the field that breaks a rule (a
     *     {@link io.gatehouse.password.validation.WeakPasswordException} for the password)
     * @throws io.gatehouse.user.DuplicateUserException when the username or email is taken
     */
    public User createUser(String username, String email, CharSequence password) {
        return create(username, email, password, false);
    }

    /**
     * Creates an active, verified user with the staff and superuser flags (Django's
     * {@code createsuperuser}).
     *
     * @param username the username as typed
     * @param email the email address
     * @param password the password, checked against the policy
     * @return the stored user
     * @throws InvalidInputException naming the field that breaks a rule
     * @throws io.gatehouse.user.DuplicateUserException when the username or email is taken
     */
    public User createSuperuser(String username, String email, CharSequence password) {
        return create(username, email, password, true);
    }

    /**
     * Applies a self-service profile change; it cannot touch flags, email, username or password.
     *
     * @param userId the user
     * @param update the new profile values
     * @return the updated user
     * @throws InvalidInputException naming {@code userId} when no user has that id
     */
    public User updateProfile(long userId, ProfileUpdate update) {
        Objects.requireNonNull(update, "update");
        return modify(userId, update::applyTo);
    }

    /**
     * Changes the active, staff, superuser and verified flags: for admin paths only, after the caller has
     * checked the acting user's permission. Deactivating a user ends every session of the user, so
     * reactivating the account later does not bring an old (perhaps stolen) session back.
     *
     * @param userId the user
     * @param update the new flags
     * @return the updated user
     * @throws InvalidInputException naming {@code userId} when no user has that id
     */
    public User updateFlags(long userId, AdminUserUpdate update) {
        Objects.requireNonNull(update, "update");
        User updated = modify(userId, update::applyTo);
        if (!updated.active()) {
            // resolve() refuses an inactive user's session but deletes it only when presented; one not
            // presented while the account was inactive would otherwise come back with the account.
            sessions.revokeAll(userId);
        }
        return updated;
    }

    /**
     * Changes the password of the user logged in under a session (Django's {@code PasswordChangeView} with
     * {@code update_session_auth_hash}): the current session continues under a new id, every other session
     * of the user ends. When the mail flows are configured, a notice is queued to the user's address in the same
     * unit of work as the new hash.
     *
     * @param sessionId the id from the client's cookie
     * @param currentPassword the password the user has now
     * @param newPassword the new password, checked against the policy
     * @return the outcome; nothing changes unless it is {@link PasswordChange.Changed}
     */
    public PasswordChange changePassword(String sessionId, CharSequence currentPassword, CharSequence newPassword) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        Optional<ResolvedSession> resolved = sessions.resolve(sessionId);
        if (resolved.isEmpty()) {
            return new PasswordChange.NotLoggedIn();
        }
        User user = resolved.get().user();
        // A stolen session cookie must not become an unlimited password oracle: wrong current passwords
        // count against the same per-account limit as failed logins.
        Optional<Duration> wait = throttle.retryAfter(user.username(), "");
        if (wait.isPresent()) {
            return new PasswordChange.Throttled(wait.get());
        }
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throttle.recordFailure(user.username(), "");
            return new PasswordChange.WrongPassword();
        }
        List<PasswordViolation> violations = NewPasswords.check(policy, newPassword, contextOf(user));
        if (!violations.isEmpty()) {
            return new PasswordChange.Rejected(violations);
        }
        String newHash = hasher.encode(newPassword);
        // The hashes took a while: write onto the user as stored now, and only while it is still the account
        // whose password was just checked and still active, so a deactivation made meanwhile is not reversed.
        Optional<User> saved = mail.inTransaction(() -> writeNewHash(user, newHash));
        if (saved.isEmpty()) {
            return new PasswordChange.NotLoggedIn();
        }
        User changed = saved.get();
        Optional<NewSession> continued = sessions.rebind(sessionId, changed);
        events.publish(new AuthEvent.PasswordChanged(changed.id(), clock.instant()));
        return continued.<PasswordChange>map(PasswordChange.Changed::new).orElseGet(PasswordChange.NotLoggedIn::new);
    }

    /**
     * Sets a user's password without knowing the old one (an administrator, or the {@code changepassword}
     * command), and ends every session of the user.
     *
     * @param userId the user
     * @param newPassword the new password, checked against the policy
     * @return the updated user
     * @throws io.gatehouse.password.validation.WeakPasswordException when the password breaks the policy
     * @throws InvalidInputException naming {@code userId} when no user has that id
     */
    public User setPassword(long userId, CharSequence newPassword) {
        Objects.requireNonNull(newPassword, "newPassword");
        User user = existing(userId);
        policy.enforce(newPassword, contextOf(user));
        String newHash = hasher.encode(newPassword);
        User changed = modify(userId, current -> current.toBuilder().passwordHash(newHash).buildUser());
        sessions.revokeAll(userId);
        events.publish(new AuthEvent.PasswordChanged(userId, clock.instant()));
        return changed;
    }

    /**
     * Deletes the account of the user logged in under a session, when the password is right: the user, every
     * session of the user, the user's grants and group memberships, and the mail about the user that is not
     * sent yet (so a verification or reset link queued a moment ago never arrives).
     *
     * @param sessionId the id from the client's cookie
     * @param password the account's password; wrong ones count against the login throttle of the account
     * @return the outcome; nothing changes unless it is {@link DeletionResult.Deleted}
     */
    public DeletionResult deleteAccount(String sessionId, CharSequence password) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(password, "password");
        Optional<ResolvedSession> resolved = sessions.resolve(sessionId);
        if (resolved.isEmpty()) {
            return new DeletionResult.NotLoggedIn();
        }
        User user = resolved.get().user();
        Optional<Duration> wait = throttle.retryAfter(user.username(), "");
        if (wait.isPresent()) {
            return new DeletionResult.Throttled(wait.get());
        }
        if (!hasher.matches(password, user.passwordHash())) {
            throttle.recordFailure(user.username(), "");
            return new DeletionResult.WrongPassword();
        }
        return delete(user.id()) ? new DeletionResult.Deleted() : new DeletionResult.NotLoggedIn();
    }

    /**
     * Deletes an account with its sessions, grants, group memberships and unsent mail, as an administrator
     * would: no password is asked. All of it happens in one unit of work.
     *
     * @param userId the user
     * @return true when a user was deleted
     */
    public boolean delete(long userId) {
        if (users.findById(userId).isEmpty()) {
            return false;
        }
        return mail.inTransaction(() -> {
            mail.deleteUnsent(userId);
            sessions.revokeAll(userId);
            permissions.removeUser(userId);
            return users.delete(userId);
        });
    }

    private User create(String username, String email, CharSequence password, boolean superuser) {
        Objects.requireNonNull(password, "password");
        String name = Username.normalize(username);
        EmailAddress.validate(email);
        policy.enforce(password, PasswordContext.of(name, email));
        // Stores keep milliseconds; truncating here makes every store return what it was given.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return users.create(UserBuilder.create(name, email, hasher.encode(password), now)
                .emailVerified(true)
                .staff(superuser)
                .superuser(superuser)
                .build());
    }

    private User existing(long userId) {
        return users.findById(userId).orElseThrow(() -> new InvalidInputException("userId", "user_not_found",
                "No user has the id " + userId + "."));
    }

    /** Applies {@code change} to the user as stored now; see {@link #writeOnto}. */
    private User modify(long userId, UnaryOperator<User> change) {
        return writeOnto(userId, current -> Optional.of(change.apply(current)))
                .orElseThrow(() -> new InvalidInputException("userId", "user_not_found",
                        "No user has the id " + userId + "."));
    }

    /**
     * The new hash written onto the stored user, if it is still the one whose password was checked (same hash)
     * and still active; the unit's mail notice is queued with it.
     */
    private Optional<User> writeNewHash(User checked, String newHash) {
        Optional<User> saved = writeOnto(checked.id(), current ->
                current.active() && current.passwordHash().equals(checked.passwordHash())
                        ? Optional.of(current.toBuilder().passwordHash(newHash).buildUser())
                        : Optional.empty());
        if (saved.isPresent() && mail.configured()) {
            mail.queue(saved.get(), saved.get().email(), mail.templates().passwordChanged(saved.get()));
        }
        return saved;
    }

    /**
     * Reads the user, applies {@code change} and writes the result with {@link UserStore#updateIf}, reading
     * again when a concurrent write moved the security state in between, so a change built on an old copy can
     * never bring back an old password hash or undo a deactivation.
     *
     * @return the written user; empty when the user is gone or {@code change} declines
     */
    private Optional<User> writeOnto(long userId, Function<User, Optional<User>> change) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<User> current = users.findById(userId);
            Optional<User> next = current.flatMap(change);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            if (users.updateIf(current.get(), next.get())) {
                return next;
            }
        }
        throw new StoreException("User " + userId + " kept changing while being updated; nothing was written. "
                + "Try again.", true, null, null);
    }

    private static PasswordContext contextOf(User user) {
        return PasswordContext.of(user.username(), user.email(), user.firstName(), user.lastName());
    }
}
