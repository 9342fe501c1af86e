package io.gatehouse.account;

import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.user.User;
import java.util.List;
import java.util.Objects;

/** What setting a new password through a reset link came to. */
public sealed interface ResetResult {
    /**
     * The password is changed, every session of the user has ended, and a notice is queued to the user's
     * address. The user is not logged in.
     *
     * @param user the user as now stored
     */
    record Reset(User user) implements ResetResult {
        /** Checks the components. */
        public Reset {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The link is malformed, forged, expired, used already, or outdated by a change to the account; nothing
     * changed. Offer to request a new one.
     */
    record InvalidLink() implements ResetResult {
    }

    /**
     * The new password breaks the password policy; nothing changed and the link still works.
     *
     * @param violations every rule it breaks
     */
    record Rejected(List<PasswordViolation> violations) implements ResetResult {
        /** Copies the violations. */
        public Rejected {
            violations = List.copyOf(violations);
        }
    }
}
