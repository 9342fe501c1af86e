package io.gatehouse.mail.template;

import io.gatehouse.user.User;

/**
 * The mail of the account flows. Each method renders one mail for {@code user}, in the user's
 * {@link User#locale() language}; links arrive complete (built from the configured base URL, never from a
 * request) and are inserted as given, escaped in HTML. Implementations must escape every value they insert
 * into HTML, and must never put a password or hash into a mail.
 *
 * <p>An application that wants its own wording implements this interface, or wraps the default and
 * overrides some methods.
 */
public interface MailTemplates {
    /**
     * The mail that asks a new user to confirm the address by following {@code link}.
     *
     * @param user the new user
     * @param link the verification link
     * @return the mail
     */
    MailContent verifyEmail(User user, String link);

    /**
     * The mail sent to an address that signed up again while it already has an account: it says so, and
     * offers the login and the password reset instead.
     *
     * @param user the existing account
     * @param loginLink the login page
     * @param resetLink the password reset page
     * @return the mail
     */
    MailContent accountExists(User user, String loginLink, String resetLink);

    /**
     * The mail with the link that lets the user choose a new password.
     *
     * @param user the user who asked
     * @param link the reset link
     * @return the mail
     */
    MailContent resetPassword(User user, String link);

    /**
     * The notice that the password was changed or reset, with advice for a user who did not do it.
     *
     * @param user the user, after the change
     * @return the mail
     */
    MailContent passwordChanged(User user);

    /**
     * The mail to a new address that asks to confirm the change of address by following {@code link}.
     *
     * @param user the user, still with the old address
     * @param newEmail the address to confirm
     * @param link the confirmation link
     * @return the mail
     */
    MailContent confirmEmailChange(User user, String newEmail, String link);

    /**
     * The notice to the old address that the account's address changed.
     *
     * @param user the user, still with the old address
     * @param newEmail the new address
     * @return the mail
     */
    MailContent emailChanged(User user, String newEmail);
}
