package io.gatehouse.account;

import java.time.Duration;
import java.util.Objects;

/** What a request to change the account's email address came to. */
public sealed interface EmailChangeRequestResult {
    /**
     * A confirmation link is on its way to the new address; the address changes when it is followed. With
     * enumeration protection on this is also the answer when another account has the new address, and then
     * nothing is sent; nor is anything sent within the cool-down of a previous request for the same address.
     */
    record ConfirmationSent() implements EmailChangeRequestResult {
    }

    /**
     * The new address is malformed, the current one, or (with enumeration protection off) another account's;
     * nothing was sent.
     *
     * @param error the error, naming the field {@code newEmail}
     */
    record Invalid(FieldError error) implements EmailChangeRequestResult {
        /** Checks the components. */
        public Invalid {
            Objects.requireNonNull(error, "error");
        }
    }

    /** The password given was wrong; nothing was sent. */
    record WrongPassword() implements EmailChangeRequestResult {
    }

    /**
     * Too many wrong passwords for this account recently; nothing was checked.
     *
     * @param retryAfter how long to wait
     */
    record Throttled(Duration retryAfter) implements EmailChangeRequestResult {
        /** Checks the components. */
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The session is not (or no longer) logged in; nothing was sent. */
    record NotLoggedIn() implements EmailChangeRequestResult {
    }
}
