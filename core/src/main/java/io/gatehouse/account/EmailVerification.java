package io.gatehouse.account;

import io.gatehouse.event.AuthEvent;
import io.gatehouse.event.AuthEvents;
import io.gatehouse.token.TokenGenerator;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.token.UserIdCodec;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Email verification: following the link from the sign-up mail, and sending that mail again. Thread-safe.
 *
 * <pre>{@code
 * // GET /verify/{uid}/{token}
 * VerificationResult result = gatehouse.verification().verify(uid, token);
 * }</pre>
 *
 * <p>A valid link marks the address verified and the account active, in one compare-and-set on the user's
 * state, so a link works once even when it is followed twice at the same moment. It does not log the user in.
 * A link that does not check changes nothing.
 */
public final class EmailVerification {
    private final UserStore users;
    private final TokenGenerator tokens;
    private final AccountMail mail;
    private final AuthEvents events;

    /**
     * Creates the service.
     *
     * @param users the user store
     * @param tokens checks and makes the verification tokens
     * @param mail the outbox, unit of work and settings; must be {@linkplain AccountMail#configured() configured}
     * @param events where {@link AuthEvent.EmailVerified} goes
     * @throws IllegalStateException when the mail flows are not configured
     */
    public EmailVerification(UserStore users, TokenGenerator tokens, AccountMail mail, AuthEvents events) {
        this.users = Objects.requireNonNull(users, "users");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.events = Objects.requireNonNull(events, "events");
        mail.settings();
    }

    /**
     * Follows a verification link.
     *
     * @param uid the {@code {uid}} part of the link; any string or {@code null}
     * @param token the {@code {token}} part of the link; any string or {@code null}
     * @return the outcome; never throws for a bad link
     */
    public VerificationResult verify(@Nullable String uid, @Nullable String token) {
        Optional<User> found = UserIdCodec.decode(uid).flatMap(users::findById);
        if (found.isEmpty()) {
            return new VerificationResult.InvalidLink();
        }
        User user = found.get();
        if (user.emailVerified()) {
            return new VerificationResult.AlreadyVerified();
        }
        if (!tokens.check(user, TokenPurpose.EMAIL_VERIFICATION, token)) {
            return new VerificationResult.InvalidLink();
        }
        User verified = user.toBuilder().emailVerified(true).active(true).buildUser();
        if (!mail.inTransaction(() -> users.updateIf(user, verified))) {
            // The account changed since we read it: a concurrent follow of this link won, or the state the
            // token is bound to moved on.
            boolean nowVerified = users.findById(user.id()).map(User::emailVerified).orElse(false);
            return nowVerified ? new VerificationResult.AlreadyVerified() : new VerificationResult.InvalidLink();
        }
        events.publish(new AuthEvent.EmailVerified(user.id(), mail.now()));
        return new VerificationResult.Verified(verified);
    }

    /**
     * Sends the verification mail again, with a new link, to an account that has not verified its address.
     *
     * @param email the address as typed
     * @return the outcome; with enumeration protection on, the same for every address that is not cooling
     *     down
     */
    public ResendResult resend(String email) {
        Objects.requireNonNull(email, "email");
        Optional<FieldError> invalid = FieldError.checkEmail("email", email);
        if (invalid.isPresent()) {
            return new ResendResult.Invalid(invalid.get());
        }
        MailCooldown cooldown = mail.cooldown();
        // The cool-down is taken for every address, with or without an account, so it tells nothing.
        if (!cooldown.tryAcquire(SignUp.COOLDOWN_KIND, email)) {
            return new ResendResult.CoolingDown(cooldown.retryAfter(SignUp.COOLDOWN_KIND, email)
                    .orElse(mail.settings().resendCooldown()));
        }
        boolean protect = mail.settings().enumerationProtection();
        Optional<User> found = users.findByEmail(email);
        if (found.isEmpty()) {
            return protect ? new ResendResult.Accepted() : new ResendResult.NotRegistered();
        }
        User user = found.get();
        if (user.emailVerified()) {
            return protect ? new ResendResult.Accepted() : new ResendResult.AlreadyVerified();
        }
        String link = mail.link(mail.paths().verifyEmail(), user.id(),
                tokens.make(user, TokenPurpose.EMAIL_VERIFICATION));
        mail.inTransaction(() -> {
            mail.queue(user, user.email(), mail.templates().verifyEmail(user, link));
            return null;
        });
        return new ResendResult.Accepted();
    }
}
