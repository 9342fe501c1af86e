package io.gatehouse.account;

import io.gatehouse.user.User;
import java.util.Objects;

/** What following an email-change confirmation link came to. */
public sealed interface EmailChangeResult {
    /**
     * The address is changed and counts as verified; a notice is queued to the old address.
     *
     * @param user the user as now stored
     */
    record Changed(User user) implements EmailChangeResult {
        /** Checks the components. */
        public Changed {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The link is malformed, forged, expired, used already, or outdated by a change to the account; nothing
     * changed.
     */
    record InvalidLink() implements EmailChangeResult {
    }

    /** Another account took the new address after the link was sent; nothing changed. */
    record AddressTaken() implements EmailChangeResult {
    }
}
