package io.gatehouse.account;

import io.gatehouse.InvalidInputException;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.event.AuthEvents;
import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.validation.PasswordContext;
import io.gatehouse.password.validation.PasswordPolicy;
import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.token.TokenGenerator;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.user.DuplicateUserException;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import io.gatehouse.user.UserStore;
import io.gatehouse.user.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Self-service sign-up: checks the form, creates an inactive, unverified account and queues the mail with its
 * verification link. Thread-safe.
 *
 * <pre>{@code
 * SignUpResult result = gatehouse.signUp().register(SignUpRequest.of("minsu", "minsu@example.kr", password));
 * }</pre>
 *
 * <p>Every rule is checked before anything is hashed or stored, and every broken rule is reported at once.
 * A taken username is a field error. A taken email address is one only with enumeration protection off; with
 * it on (the default) the answer is {@link SignUpResult.Accepted}, as for a new address, and the owner of the
 * address gets a mail instead: "you already have an account", with the login and reset links. Both paths hash
 * the password once, so their timing does not tell them apart.
 *
 * <p>Security note: the account and its mail are stored in one {@link io.gatehouse.UnitOfWork}; the password
 * is hashed before it starts. Mail to one address is limited to one per cool-down, shared with
 * {@link EmailVerification#resend}, so repeated sign-ups cannot flood the owner of a taken address.
 */
public final class SignUp {
    static final String COOLDOWN_KIND = "verification";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final TokenGenerator tokens;
    private final AccountMail mail;
    private final AuthEvents events;

    /**
     * Creates the service.
     *
     * @param users the user store
     * @param hasher the password hasher
     * @param policy the rules a new password must meet
     * @param tokens makes the verification tokens
     * @param mail the outbox, unit of work and settings; must be {@linkplain AccountMail#configured() configured}
     * @param events where {@link AuthEvent.SignedUp} goes
     * @throws IllegalStateException when the mail flows are not configured
     */
    public SignUp(UserStore users, PasswordHasher hasher, PasswordPolicy policy, TokenGenerator tokens,
            AccountMail mail, AuthEvents events) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.events = Objects.requireNonNull(events, "events");
        mail.settings();
    }

    /**
     * Signs a person up.
     *
     * @param request what the form held
     * @return {@link SignUpResult.Accepted}, or {@link SignUpResult.Invalid} with every broken rule
     * @throws io.gatehouse.StoreException when a store fails; nothing is half-stored then if the stores share
     *     a transactional unit of work
     */
    public SignUpResult register(SignUpRequest request) {
        Objects.requireNonNull(request, "request");
        List<FieldError> errors = new ArrayList<>();
        String username = normalizedUsername(request.username(), errors);
        String email = request.email();
        boolean emailValid = FieldError.checkEmail("email", email).map(errors::add).isEmpty();
        PasswordContext context = PasswordContext.of(username == null ? "" : username, emailValid ? email : "");
        for (PasswordViolation v : NewPasswords.check(policy, request.password(), context)) {
            errors.add(FieldError.of("password", v));
        }
        if (username != null && users.findByUsername(username).isPresent()) {
            errors.add(FieldError.usernameTaken());
        }
        Optional<User> owner = emailValid ? users.findByEmail(email) : Optional.empty();
        boolean protect = mail.settings().enumerationProtection();
        if (owner.isPresent() && !protect) {
            errors.add(FieldError.emailTaken("email"));
        }
        if (!errors.isEmpty()) {
            return new SignUpResult.Invalid(errors);
        }
        // Hashed on the new-account path and on the taken-address path alike, so timing does not tell them apart.
        String hash = hasher.encode(request.password());
        if (owner.isPresent()) {
            return mailOwner(owner.get());
        }
        return create(Objects.requireNonNull(username), request, hash);
    }

    private SignUpResult create(String username, SignUpRequest request, String hash) {
        // Started before the account exists, so a concurrent sign-up that finds the new account mails nobody:
        // the new owner gets the verification mail and nothing else.
        mail.cooldown().restart(COOLDOWN_KIND, request.email());
        User created;
        try {
            created = mail.inTransaction(() -> {
                User user = users.create(UserBuilder.create(username, request.email(), hash, mail.now())
                        .active(false)
                        .emailVerified(false)
                        .locale(request.locale())
                        .build());
                queueVerification(user);
                return user;
            });
        } catch (DuplicateUserException e) {
            // Another sign-up took the username or address between our look-up and our insert.
            if (e.field().equals("username")) {
                return new SignUpResult.Invalid(List.of(FieldError.usernameTaken()));
            }
            if (!mail.settings().enumerationProtection()) {
                return new SignUpResult.Invalid(List.of(FieldError.emailTaken("email")));
            }
            return users.findByEmail(request.email()).map(this::mailOwner).orElseGet(SignUpResult.Accepted::new);
        }
        events.publish(new AuthEvent.SignedUp(created.id(), mail.now()));
        return new SignUpResult.Accepted();
    }

    /** The address has an account: tell its owner, at most once per cool-down, and answer as for a new one. */
    private SignUpResult mailOwner(User owner) {
        if (mail.cooldown().tryAcquire(COOLDOWN_KIND, owner.email())) {
            // Also to an owner who never verified: a fresh verification link there would invite the address's
            // owner to activate an account someone else may have registered with a password of their own.
            mail.inTransaction(() -> {
                mail.queue(owner, owner.email(), mail.templates().accountExists(owner,
                        mail.page(mail.paths().login()), mail.page(mail.paths().requestReset())));
                return null;
            });
        }
        return new SignUpResult.Accepted();
    }

    private void queueVerification(User user) {
        String link = mail.link(mail.paths().verifyEmail(), user.id(), tokens.make(user, TokenPurpose.EMAIL_VERIFICATION));
        mail.queue(user, user.email(), mail.templates().verifyEmail(user, link));
    }

    private static @Nullable String normalizedUsername(String raw, List<FieldError> errors) {
        try {
            return Username.normalize(raw);
        } catch (InvalidInputException e) {
            errors.add(FieldError.of("username", e));
            return null;
        }
    }
}
