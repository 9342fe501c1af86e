package io.gatehouse.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to an account. Each event says when ({@link #at()}); none carries a secret.
 */
public sealed interface AuthEvent {
    /**
     * When it happened, by the library's clock.
     *
     * @return the instant
     */
    Instant at();

    /**
     * Why a login failed. The caller of the login only learns "invalid credentials"; the reason goes to
     * events and logs, where it helps an operator and not an attacker.
     */
    enum FailureReason {
        /** No user has that username or email. */
        UNKNOWN_USER,
        /** The password did not match. */
        BAD_PASSWORD,
        /** The password matched but the account is deactivated. */
        INACTIVE,
        /** The password matched but the email address is not verified yet. */
        NOT_VERIFIED,
        /** Too many recent failures for the account or the client address. */
        THROTTLED
    }

    /**
     * A user logged in.
     *
     * @param userId the user
     * @param clientAddress the client's address as the application reported it, possibly empty
     * @param at when
     */
    record LoggedIn(long userId, String clientAddress, Instant at) implements AuthEvent {
        /** Checks the components. */
        public LoggedIn {
            Objects.requireNonNull(clientAddress, "clientAddress");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A login failed.
     *
     * @param login the username or email as typed, cut to 150 characters
     * @param reason why
     * @param clientAddress the client's address, possibly empty
     * @param at when
     */
    record LoginFailed(String login, FailureReason reason, String clientAddress, Instant at) implements AuthEvent {
        /** Checks the components. */
        public LoginFailed {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(clientAddress, "clientAddress");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A user logged out.
     *
     * @param userId the user
     * @param at when
     */
    record LoggedOut(long userId, Instant at) implements AuthEvent {
        /** Checks the components. */
        public LoggedOut {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * An account was created by sign-up.
     *
     * @param userId the new user
     * @param at when
     */
    record SignedUp(long userId, Instant at) implements AuthEvent {
        /** Checks the components. */
        public SignedUp {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A user proved their email address.
     *
     * @param userId the user
     * @param at when
     */
    record EmailVerified(long userId, Instant at) implements AuthEvent {
        /** Checks the components. */
        public EmailVerified {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A user changed their password, or an administrator set it.
     *
     * @param userId the user
     * @param at when
     */
    record PasswordChanged(long userId, Instant at) implements AuthEvent {
        /** Checks the components. */
        public PasswordChanged {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A user reset a forgotten password through an emailed link.
     *
     * @param userId the user
     * @param at when
     */
    record PasswordReset(long userId, Instant at) implements AuthEvent {
        /** Checks the components. */
        public PasswordReset {
            Objects.requireNonNull(at, "at");
        }
    }
}
