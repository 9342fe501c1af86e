package io.gatehouse.account;

import io.gatehouse.user.User;
import java.util.Objects;

/**
 * What following a verification link came to. None of them logs the user in.
 *
 * <pre>{@code
 * switch (gatehouse.verification().verify(uid, token)) {
 *     case VerificationResult.Verified v -> show("Your address is confirmed. You can log in now.");
 *     case VerificationResult.AlreadyVerified a -> show("Your address was already confirmed. Log in.");
 *     case VerificationResult.InvalidLink i -> show("This link is invalid or has expired.", resendForm());
 * }
 * }</pre>
 */
public sealed interface VerificationResult {
    /**
     * The address is verified and the account active.
     *
     * @param user the user as now stored
     */
    record Verified(User user) implements VerificationResult {
        /** Checks the components. */
        public Verified {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The account of this link had verified its address already; nothing changed. */
    record AlreadyVerified() implements VerificationResult {
    }

    /**
     * The link is malformed, forged, expired, for another purpose or user, or outdated by a change to the
     * account; nothing changed. Offer {@link EmailVerification#resend} for a new link.
     */
    record InvalidLink() implements VerificationResult {
    }
}
