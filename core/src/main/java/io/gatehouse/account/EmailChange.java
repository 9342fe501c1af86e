package io.gatehouse.account;

import io.gatehouse.password.PasswordHasher;
import io.gatehouse.session.ResolvedSession;
import io.gatehouse.session.SessionManager;
import io.gatehouse.throttle.LoginThrottle;
import io.gatehouse.token.TokenGenerator;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.token.UserIdCodec;
import io.gatehouse.user.DuplicateUserException;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Changing the account's email address, confirmed from the new address. Thread-safe.
 *
 * <pre>{@code
 * // POST /account/email, logged in
 * gatehouse.emailChange().request(sessionId, password, "new@example.com");
 * // GET /account/email/confirm/{uid}/{token}, from the mail to the new address
 * EmailChangeResult result = gatehouse.emailChange().confirm(uid, token);
 * }</pre>
 *
 * <p>The request needs the account's password (wrong ones count against the login throttle, like a password
 * change) and mails a link to the new address; the stored address stays as it is until that link is followed.
 * The link's token is bound to the new address, so the link cannot be edited to confirm another one, and to
 * the account's state, so it works once. On confirmation the address is checked to be still free, stored as
 * verified, and a notice goes to the old address.
 */
public final class EmailChange {
    static final String COOLDOWN_KIND = "email-change";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionManager sessions;
    private final LoginThrottle throttle;
    private final TokenGenerator tokens;
    private final AccountMail mail;

    /**
     * Creates the service.
     *
     * @param users the user store
     * @param hasher checks the password
     * @param sessions resolves the session of the request
     * @param throttle counts wrong passwords against the account, like logins
     * @param tokens makes and checks the email-change tokens
     * @param mail the outbox, unit of work and settings; must be {@linkplain AccountMail#configured() configured}
     * @throws IllegalStateException when the mail flows are not configured
     */
    public EmailChange(UserStore users, PasswordHasher hasher, SessionManager sessions, LoginThrottle throttle,
            TokenGenerator tokens, AccountMail mail) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mail = Objects.requireNonNull(mail, "mail");
        mail.settings();
    }

    /**
     * Asks to change the address of the user logged in under a session.
     *
     * @param sessionId the id from the client's cookie
     * @param password the account's password
     * @param newEmail the new address as typed
     * @return the outcome; nothing is stored but the mail (and a throttle count for a wrong password)
     */
    public EmailChangeRequestResult request(String sessionId, CharSequence password, String newEmail) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(newEmail, "newEmail");
        Optional<User> current = sessions.resolve(sessionId).map(ResolvedSession::user);
        if (current.isEmpty()) {
            return new EmailChangeRequestResult.NotLoggedIn();
        }
        User user = current.get();
        Optional<FieldError> invalid = FieldError.checkEmail("newEmail", newEmail);
        if (invalid.isPresent()) {
            return new EmailChangeRequestResult.Invalid(invalid.get());
        }
        if (newEmail.equals(user.email())) {
            return new EmailChangeRequestResult.Invalid(FieldError.emailUnchanged("newEmail"));
        }
        Optional<Duration> wait = throttle.retryAfter(user.username(), "");
        if (wait.isPresent()) {
            return new EmailChangeRequestResult.Throttled(wait.get());
        }
        if (!hasher.matches(password, user.passwordHash())) {
            throttle.recordFailure(user.username(), "");
            return new EmailChangeRequestResult.WrongPassword();
        }
        // Asked only after the password, so a stolen session alone cannot probe which addresses have accounts.
        if (users.findByEmail(newEmail).filter(other -> other.id() != user.id()).isPresent()) {
            return mail.settings().enumerationProtection() ? new EmailChangeRequestResult.ConfirmationSent()
                    : new EmailChangeRequestResult.Invalid(FieldError.emailTaken("newEmail"));
        }
        if (mail.cooldown().tryAcquire(COOLDOWN_KIND, newEmail)) {
            String token = new EmailChangeToken(newEmail, tokens.make(user, TokenPurpose.EMAIL_CHANGE, newEmail))
                    .format();
            String link = mail.link(mail.paths().confirmEmailChange(), user.id(), token);
            mail.inTransaction(() -> {
                mail.queue(user, newEmail, mail.templates().confirmEmailChange(user, newEmail, link));
                return null;
            });
        }
        return new EmailChangeRequestResult.ConfirmationSent();
    }

    /**
     * Follows a confirmation link from the mail to the new address.
     *
     * @param uid the {@code {uid}} part of the link; any string or {@code null}
     * @param token the {@code {token}} part of the link; any string or {@code null}
     * @return the outcome; never throws for a bad link
     */
    public EmailChangeResult confirm(@Nullable String uid, @Nullable String token) {
        Optional<EmailChangeToken> parsed = EmailChangeToken.parse(token);
        Optional<User> found = UserIdCodec.decode(uid).flatMap(users::findById);
        if (parsed.isEmpty() || found.isEmpty()) {
            return new EmailChangeResult.InvalidLink();
        }
        User user = found.get();
        String newEmail = parsed.get().newEmail();
        if (!tokens.check(user, TokenPurpose.EMAIL_CHANGE, newEmail, parsed.get().token())) {
            return new EmailChangeResult.InvalidLink();
        }
        if (users.findByEmail(newEmail).filter(other -> other.id() != user.id()).isPresent()) {
            return new EmailChangeResult.AddressTaken();
        }
        User changed = user.toBuilder().email(newEmail).emailVerified(true).buildUser();
        boolean stored;
        try {
            stored = mail.inTransaction(() -> {
                if (!users.updateIf(user, changed)) {
                    return false;
                }
                mail.queue(user, user.email(), mail.templates().emailChanged(user, newEmail));
                return true;
            });
        } catch (DuplicateUserException e) {
            // Taken between our look-up and our write; the store's uniqueness check is the one that counts.
            return new EmailChangeResult.AddressTaken();
        }
        return stored ? new EmailChangeResult.Changed(changed) : new EmailChangeResult.InvalidLink();
    }
}
