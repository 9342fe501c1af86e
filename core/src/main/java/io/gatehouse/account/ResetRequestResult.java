package io.gatehouse.account;

import java.util.Objects;

/**
 * What a request for a password reset mail came to. The answer is the same whether or not the address has an
 * account, whatever the enumeration-protection setting: a reset form never needs to say more.
 */
public sealed interface ResetRequestResult {
    /**
     * Accepted: if an active account with a usable password has this address, a reset mail is on its way to
     * the address as stored, unless one went there within the cool-down.
     */
    record Accepted() implements ResetRequestResult {
    }

    /**
     * The address is malformed; nothing was looked up.
     *
     * @param error the error, naming the field {@code email}
     */
    record Invalid(FieldError error) implements ResetRequestResult {
        /** Checks the components. */
        public Invalid {
            Objects.requireNonNull(error, "error");
        }
    }
}
