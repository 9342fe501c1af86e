package io.gatehouse.mail.template;

import io.gatehouse.token.TokenPurpose;
import io.gatehouse.user.User;
import java.util.Objects;

/**
 * The mail of the account flows. Each method renders one mail for {@code user}, in the user's
 * {@link User#locale() language}; links arrive complete (built from the configured base URL, never from a
 * request) and are inserted as given, escaped in HTML. Implementations must escape every value they insert
 * into HTML, and must never put a password or hash into a mail.
 *
 * <p>{@link #defaults(String)} gives English mails, and Korean ones for users whose locale's language is
 * {@code ko}, each as plain text and HTML with inline styles only. An application that wants its own wording
 * implements this interface, or delegates to the defaults and overrides some mails:
 *
 * <pre>{@code
 * MailTemplates defaults = MailTemplates.defaults("Example Shop");
 * MailTemplates mine = new MailTemplates() {
 *     @Override
 *     public MailContent verifyEmail(User user, String link) {
 *         return new MailContent("Welcome to Example Shop!", "Hi " + user.username()
 *                 + ", one click and you are in: " + link, null);
 *     }
 *
 *     @Override
 *     public MailContent accountExists(User user, String loginLink, String resetLink) {
 *         return defaults.accountExists(user, loginLink, resetLink);
 *     }
 *
 *     @Override
 *     public MailContent resetPassword(User user, String link) {
 *         return defaults.resetPassword(user, link);
 *     }
 *
 *     @Override
 *     public MailContent passwordChanged(User user) {
 *         return defaults.passwordChanged(user);
 *     }
 *
 *     @Override
 *     public MailContent confirmEmailChange(User user, String newEmail, String link) {
 *         return defaults.confirmEmailChange(user, newEmail, link);
 *     }
 *
 *     @Override
 *     public MailContent emailChanged(User user, String newEmail) {
 *         return defaults.emailChanged(user, newEmail);
 *     }
 * };
 * }</pre>
 *
 * <p>Security note: an implementation that builds HTML must escape every value it inserts ({@code &}, {@code <},
 * {@code >}, {@code "} and {@code '}), links in {@code href} attributes included; names and addresses are
 * chosen by whoever signs up.
 */
public interface MailTemplates {
    /**
     * The built-in mails, stating the link lifetimes of {@link TokenPurpose}'s defaults: 3 days for
     * verification and reset, 24 hours for a change of address. Immutable and thread-safe.
     *
     * @param siteName the name users know the site by, put into every subject and signature, e.g.
     *     {@code "Example Shop"}; one line, at most 100 characters
     * @return the default templates
     * @throws IllegalArgumentException naming {@code siteName} when it is blank, too long, or holds a line
     *     break or another character that mail headers refuse
     */
    static MailTemplates defaults(String siteName) {
        return defaults(siteName, TokenPurpose.EMAIL_VERIFICATION, TokenPurpose.PASSWORD_RESET,
                TokenPurpose.EMAIL_CHANGE);
    }

    /**
     * The built-in mails, stating the link lifetimes of the purposes the application makes its tokens with, so
     * that a mail never promises a link longer than it lives.
     *
     * <pre>{@code
     * MailTemplates templates = MailTemplates.defaults("Example Shop", TokenPurpose.EMAIL_VERIFICATION,
     *         TokenPurpose.PASSWORD_RESET.withTimeout(Duration.ofHours(1)), TokenPurpose.EMAIL_CHANGE);
     * }</pre>
     *
     * @param siteName the name users know the site by, as in {@link #defaults(String)}
     * @param verification the purpose of verification links
     * @param reset the purpose of password reset links
     * @param emailChange the purpose of email change links
     * @return the default templates
     * @throws IllegalArgumentException naming {@code siteName} when it breaks a rule of {@link #defaults(String)}
     */
    static MailTemplates defaults(String siteName, TokenPurpose verification, TokenPurpose reset,
            TokenPurpose emailChange) {
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(emailChange, "emailChange");
        return new DefaultMailTemplates(siteName, verification.timeout(), reset.timeout(), emailChange.timeout());
    }

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
