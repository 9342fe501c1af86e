package io.gatehouse.account;

import java.util.List;

/**
 * What a sign-up came to.
 *
 * <pre>{@code
 * SignUpResult result = gatehouse.signUp().register(SignUpRequest.of(username, email, password));
 * if (result instanceof SignUpResult.Invalid invalid) {
 *     invalid.errors().forEach(e -> form.error(e.field(), e.message(locale)));
 * } else {
 *     show("Check your inbox: we sent you a link to confirm your address.");
 * }
 * }</pre>
 */
public sealed interface SignUpResult {
    /**
     * Tells whether the sign-up was accepted.
     *
     * @return true only for {@link Accepted}
     */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /**
     * The sign-up went through: a new, inactive account waits for its address to be verified and the mail
     * with the link is queued. With enumeration protection on, this is also the answer when the address
     * already had an account; its owner is mailed instead and nothing is created. To act on new accounts
     * only, listen for {@link io.gatehouse.event.AuthEvent.SignedUp}.
     */
    record Accepted() implements SignUpResult {
    }

    /**
     * The form breaks rules; nothing was stored and no mail queued.
     *
     * @param errors every broken rule, each naming its field ({@code username}, {@code email},
     *     {@code password})
     */
    record Invalid(List<FieldError> errors) implements SignUpResult {
        /** Copies the errors. */
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("errors must not be empty.");
            }
        }
    }
}
