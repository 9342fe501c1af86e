package io.gatehouse.testing;

import io.gatehouse.mail.template.MailContent;
import io.gatehouse.mail.template.MailTemplates;
import io.gatehouse.user.User;

/**
 * Test support: {@link MailTemplates} that write each mail as a few plain lines, one link per line, so a test can
 * read the links back. The subject names the kind of mail and stays the same in every language. Tests override
 * a method to break one template.
 */
public class PlainMailTemplates implements MailTemplates {
    /** Subject of the verification mail. */
    public static final String VERIFY = "Verify your email";
    /** Subject of the "you already have an account" mail. */
    public static final String ACCOUNT_EXISTS = "You already have an account";
    /** Subject of the reset mail. */
    public static final String RESET = "Reset your password";
    /** Subject of the password-changed notice. */
    public static final String PASSWORD_CHANGED = "Your password was changed";
    /** Subject of the email-change confirmation mail. */
    public static final String CONFIRM_EMAIL_CHANGE = "Confirm your new email address";
    /** Subject of the notice to the old address. */
    public static final String EMAIL_CHANGED = "Your email address was changed";

    @Override
    public MailContent verifyEmail(User user, String link) {
        return mail(VERIFY, "Hello " + user.username() + ",\nconfirm your address:\n" + link + "\n");
    }

    @Override
    public MailContent accountExists(User user, String loginLink, String resetLink) {
        return mail(ACCOUNT_EXISTS, "Hello " + user.username() + ",\nlog in:\n" + loginLink
                + "\nor reset your password:\n" + resetLink + "\n");
    }

    @Override
    public MailContent resetPassword(User user, String link) {
        return mail(RESET, "Hello " + user.username() + ",\nchoose a new password:\n" + link + "\n");
    }

    @Override
    public MailContent passwordChanged(User user) {
        return mail(PASSWORD_CHANGED, "Hello " + user.username() + ",\nyour password was changed.\n");
    }

    @Override
    public MailContent confirmEmailChange(User user, String newEmail, String link) {
        return mail(CONFIRM_EMAIL_CHANGE, "Hello " + user.username() + ",\nconfirm " + newEmail + ":\n" + link + "\n");
    }

    @Override
    public MailContent emailChanged(User user, String newEmail) {
        return mail(EMAIL_CHANGED, "Hello " + user.username() + ",\nyour address is now " + newEmail + ".\n");
    }

    private static MailContent mail(String subject, String text) {
        return new MailContent(subject, text, null);
    }
}
