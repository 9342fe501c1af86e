package io.gatehouse.account;

import java.time.Duration;
import java.util.Objects;

/** What a user's request to delete their own account came to. */
public sealed interface DeletionResult {
    /** The account is gone, with its sessions, grants, group memberships and unsent mail. */
    record Deleted() implements DeletionResult {
    }

    /** The password given was wrong; nothing changed but the account's throttle count. */
    record WrongPassword() implements DeletionResult {
    }

    /**
     * Too many wrong passwords for this account recently (in logins, password changes or deletions); nothing
     * was checked and nothing changed.
     *
     * @param retryAfter how long to wait
     */
    record Throttled(Duration retryAfter) implements DeletionResult {
        /** Checks the components. */
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The session is not (or no longer) logged in; nothing changed. */
    record NotLoggedIn() implements DeletionResult {
    }
}
