package io.gatehouse.account;

import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.session.NewSession;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a password change came to. */
public sealed interface PasswordChange {
    /**
     * The password is changed; the current session continues under a new id and every other session of the
     * user has ended.
     *
     * @param session the continued session; its id replaces the client's cookie
     */
    record Changed(NewSession session) implements PasswordChange {
        /** Checks the components. */
        public Changed {
            Objects.requireNonNull(session, "session");
        }
    }

    /** The current password given was wrong; nothing changed. */
    record WrongPassword() implements PasswordChange {
    }

    /**
     * The new password breaks the password policy; nothing changed.
     *
     * @param violations every rule it breaks
     */
    record Rejected(List<PasswordViolation> violations) implements PasswordChange {
        /** Copies the violations. */
        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    /**
     * Too many wrong passwords for this account recently (in logins or password changes); nothing was
     * checked and nothing changed.
     *
     * @param retryAfter how long to wait
     */
    record Throttled(Duration retryAfter) implements PasswordChange {
        /** Checks the components. */
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The session is not (or no longer) logged in; nothing changed. */
    record NotLoggedIn() implements PasswordChange {
    }
}
