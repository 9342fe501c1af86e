package io.gatehouse.account;

import java.time.Duration;
import java.util.Objects;

/**
 * What a request to send the verification mail again came to.
 *
 * <p>With enumeration protection on, {@link Accepted} is also the answer for an address without an account
 * and for one already verified, and no mail goes out then; {@link CoolingDown} is answered for every address
 * alike, so neither tells whether an address has an account.
 */
public sealed interface ResendResult {
    /** The mail is queued, or, with enumeration protection on, maybe not needed; say "if the address has an
     *  unverified account, a new link is on its way". */
    record Accepted() implements ResendResult {
    }

    /**
     * A mail of this kind went to the address within the cool-down; nothing was sent.
     *
     * @param retryAfter how long to wait
     */
    record CoolingDown(Duration retryAfter) implements ResendResult {
        /** Checks the components. */
        public CoolingDown {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** No account has this address (answered only with enumeration protection off). */
    record NotRegistered() implements ResendResult {
    }

    /** The account's address is verified already (answered only with enumeration protection off). */
    record AlreadyVerified() implements ResendResult {
    }

    /**
     * The address is malformed; nothing was looked up.
     *
     * @param error the error, naming the field {@code email}
     */
    record Invalid(FieldError error) implements ResendResult {
        /** Checks the components. */
        public Invalid {
            Objects.requireNonNull(error, "error");
        }
    }
}
