package io.gatehouse.login;

import io.gatehouse.session.NewSession;
import io.gatehouse.user.User;
import java.time.Duration;
import java.util.Objects;

/**
 * What a login attempt came to. Test for each case:
 *
 * <pre>{@code
 * LoginResult result = gatehouse.authenticator().login(request);
 * if (result instanceof LoginResult.Success s) {
 *     setCookie(s.session());
 * } else if (result instanceof LoginResult.Throttled t) {
 *     showError("Too many attempts. Try again in " + t.retryAfter().toMinutes() + " minutes.");
 * } else if (result instanceof LoginResult.NotVerified) {
 *     offerResendVerification();
 * } else {
 *     showError("Wrong username or password."); // InvalidCredentials, or Inactive if you prefer to say so
 * }
 * }</pre>
 *
 * <p>{@link NotVerified} and {@link Inactive} are only answered after the password matched, so they tell
 * nothing to someone who does not know the password.
 */
public sealed interface LoginResult {
    /**
     * Tells whether the user is now logged in.
     *
     * @return true only for {@link Success}
     */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /**
     * The user is logged in under a new session.
     *
     * @param user the user, with its last login updated
     * @param session the new session; its id goes into the cookie
     */
    record Success(User user, NewSession session) implements LoginResult {
        /** Checks the components. */
        public Success {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(session, "session");
        }
    }

    /** The login or password is wrong; which one is deliberately not said. */
    record InvalidCredentials() implements LoginResult {
    }

    /** The password matched, but the email address is not verified yet, so the account is not active. */
    record NotVerified() implements LoginResult {
    }

    /** The password matched, but the account is deactivated. */
    record Inactive() implements LoginResult {
    }

    /**
     * Too many recent failures for the account or the client address; nothing was checked.
     *
     * @param retryAfter how long to wait
     */
    record Throttled(Duration retryAfter) implements LoginResult {
        /** Checks the components. */
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
