package io.gatehouse.account;

import io.gatehouse.event.AuthEvent;
import io.gatehouse.event.AuthEvents;
import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.password.validation.PasswordContext;
import io.gatehouse.password.validation.PasswordPolicy;
import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.session.SessionManager;
import io.gatehouse.token.TokenGenerator;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.token.UserIdCodec;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Password reset by emailed link (Django's {@code PasswordResetView} and {@code PasswordResetConfirmView}).
 * Thread-safe.
 *
 * <pre>{@code
 * gatehouse.passwordReset().request(typedEmail);                  // POST /password/reset
 * if (gatehouse.passwordReset().checkLink(uid, token)) { ... }    // GET  /password/reset/{uid}/{token}: show the form
 * ResetResult result = gatehouse.passwordReset().confirm(uid, token, newPassword); // POST the form
 * }</pre>
 *
 * <p>Security note: a request answers alike for every well-formed address and mails only the address as
 * stored, never the one typed, and only for an active account with a usable password. A link works once, even
 * when two confirmations race: the new password is hashed first, then stored with a compare-and-set on the
 * state the token is bound to, so exactly one of them wins. A reset ends every session of the user.
 */
public final class PasswordReset {
    static final String COOLDOWN_KIND = "password-reset";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final TokenGenerator tokens;
    private final SessionManager sessions;
    private final AccountMail mail;
    private final AuthEvents events;

    /**
     * Creates the service.
     *
     * @param users the user store
     * @param hasher the password hasher
     * @param policy the rules a new password must meet
     * @param tokens makes and checks the reset tokens
     * @param sessions ends the user's sessions after a reset
     * @param mail the outbox, unit of work and settings; must be {@linkplain AccountMail#configured() configured}
     * @param events where {@link AuthEvent.PasswordReset} goes
     * @throws IllegalStateException when the mail flows are not configured
     */
    public PasswordReset(UserStore users, PasswordHasher hasher, PasswordPolicy policy, TokenGenerator tokens,
            SessionManager sessions, AccountMail mail, AuthEvents events) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.events = Objects.requireNonNull(events, "events");
        mail.settings();
    }

    /**
     * Asks for a reset mail.
     *
     * @param email the address as typed
     * @return {@link ResetRequestResult.Accepted} for every well-formed address
     */
    public ResetRequestResult request(String email) {
        Objects.requireNonNull(email, "email");
        Optional<FieldError> invalid = FieldError.checkEmail("email", email);
        if (invalid.isPresent()) {
            return new ResetRequestResult.Invalid(invalid.get());
        }
        // Taken for every address, so the store sees the same writes whether or not it has an account.
        if (!mail.cooldown().tryAcquire(COOLDOWN_KIND, email)) {
            return new ResetRequestResult.Accepted();
        }
        Optional<User> found = users.findByEmail(email)
                .filter(User::active)
                .filter(user -> PasswordHashers.isUsable(user.passwordHash()));
        if (found.isPresent()) {
            User user = found.get();
            String link = mail.link(mail.paths().resetPassword(), user.id(),
                    tokens.make(user, TokenPurpose.PASSWORD_RESET));
            mail.inTransaction(() -> {
                mail.queue(user, user.email(), mail.templates().resetPassword(user, link));
                return null;
            });
        }
        return new ResetRequestResult.Accepted();
    }

    /**
     * Checks a reset link without using it, so the page can show the new-password form or "this link is
     * invalid" before the user types anything.
     *
     * @param uid the {@code {uid}} part of the link; any string or {@code null}
     * @param token the {@code {token}} part of the link; any string or {@code null}
     * @return true when the link would be accepted now
     */
    public boolean checkLink(@Nullable String uid, @Nullable String token) {
        return findValid(uid, token).isPresent();
    }

    /**
     * Sets a new password through a reset link.
     *
     * @param uid the {@code {uid}} part of the link; any string or {@code null}
     * @param token the {@code {token}} part of the link; any string or {@code null}
     * @param newPassword the new password, checked against the policy
     * @return the outcome; nothing changes unless it is {@link ResetResult.Reset}
     */
    public ResetResult confirm(@Nullable String uid, @Nullable String token, CharSequence newPassword) {
        Objects.requireNonNull(newPassword, "newPassword");
        Optional<User> found = findValid(uid, token);
        if (found.isEmpty()) {
            return new ResetResult.InvalidLink();
        }
        User user = found.get();
        List<PasswordViolation> violations = NewPasswords.check(policy, newPassword,
                PasswordContext.of(user.username(), user.email(), user.firstName(), user.lastName()));
        if (!violations.isEmpty()) {
            return new ResetResult.Rejected(violations);
        }
        User changed = user.toBuilder().passwordHash(hasher.encode(newPassword)).buildUser();
        boolean stored = mail.inTransaction(() -> {
            // The token is bound to the old hash: of two confirmations of one link, only the first passes this.
            if (!users.updateIf(user, changed)) {
                return false;
            }
            sessions.revokeAll(user.id());
            mail.queue(changed, changed.email(), mail.templates().passwordChanged(changed));
            return true;
        });
        if (!stored) {
            return new ResetResult.InvalidLink();
        }
        events.publish(new AuthEvent.PasswordReset(user.id(), mail.now()));
        return new ResetResult.Reset(changed);
    }

    private Optional<User> findValid(@Nullable String uid, @Nullable String token) {
        return UserIdCodec.decode(uid).flatMap(users::findById)
                .filter(user -> tokens.check(user, TokenPurpose.PASSWORD_RESET, token));
    }
}
