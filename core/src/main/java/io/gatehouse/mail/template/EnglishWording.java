package io.gatehouse.mail.template;

import java.time.Duration;

/** The account mails in English, the language for every locale without its own wording. */
final class EnglishWording implements Wording {
    static final EnglishWording INSTANCE = new EnglishWording();

    private EnglishWording() {
    }

    @Override
    public String languageTag() {
        return "en";
    }

    @Override
    public String linkHint() {
        return "If the button does not work, copy this link into your browser:";
    }

    @Override
    public String signOff(String site) {
        return "The " + site + " team";
    }

    @Override
    public Draft verifyEmail(String username, String site, String link, Duration valid) {
        return Draft.builder("[" + site + "] Please confirm your email address", "Confirm your email address")
                .paragraph(hello(username))
                .paragraph("Thank you for signing up for " + site + ". Please confirm that this email address is "
                        + "yours by opening the link below.")
                .action("Confirm email address", link)
                .paragraph("The link is valid for " + duration(valid) + ".")
                .note("If you did not sign up for " + site + ", you can ignore this email; no account will be "
                        + "activated with this address.")
                .build();
    }

    @Override
    public Draft accountExists(String username, String site, String loginLink, String resetLink) {
        return Draft.builder("[" + site + "] You already have an account", "You already have an account")
                .paragraph(hello(username))
                .paragraph("Someone, probably you, tried to sign up for " + site + " with this email address. "
                        + "An account with this address already exists, so no new account was created.")
                .paragraph("You can log in to your account:")
                .action("Log in", loginLink)
                .paragraph("If you have forgotten your password, you can choose a new one:")
                .action("Reset password", resetLink)
                .note("If you did not try to sign up, you can ignore this email; nothing has changed in your "
                        + "account.")
                .build();
    }

    @Override
    public Draft resetPassword(String username, String site, String link, Duration valid) {
        return Draft.builder("[" + site + "] Reset your password", "Reset your password")
                .paragraph(hello(username))
                .paragraph("We received a request to reset the password of your " + site + " account. To choose "
                        + "a new password, open the link below.")
                .action("Choose a new password", link)
                .paragraph("The link is valid for " + duration(valid) + " and works only once.")
                .note("If you did not ask to reset your password, you can ignore this email; your password "
                        + "stays as it is.")
                .build();
    }

    @Override
    public Draft passwordChanged(String username, String site) {
        return Draft.builder("[" + site + "] Your password was changed", "Your password was changed")
                .paragraph(hello(username))
                .paragraph("The password of your " + site + " account was just changed. If you did this, there "
                        + "is nothing more to do.")
                .note("If you did not change your password, someone else may know it. Choose a new one at once "
                        + "with \"Forgot your password?\" on the " + site + " login page, and tell the site's "
                        + "administrators.")
                .build();
    }

    @Override
    public Draft confirmEmailChange(String username, String site, String newEmail, String link, Duration valid) {
        return Draft.builder("[" + site + "] Please confirm your new email address", "Confirm your new email address")
                .paragraph(hello(username))
                .paragraph("You asked to change the email address of your " + site + " account to " + newEmail
                        + ". To confirm the change, open the link below.")
                .action("Confirm new address", link)
                .paragraph("The link is valid for " + duration(valid) + ". Until you confirm, your account keeps "
                        + "its current address.")
                .note("If you did not ask for this change, you can ignore this email; the address will not be "
                        + "changed.")
                .build();
    }

    @Override
    public Draft emailChanged(String username, String site, String newEmail) {
        return Draft.builder("[" + site + "] Your email address was changed", "Your email address was changed")
                .paragraph(hello(username))
                .paragraph("The email address of your " + site + " account was changed to " + newEmail + ". We "
                        + "send this notice to your previous address, which will no longer receive mail about "
                        + "the account. If you made this change, there is nothing more to do.")
                .note("If you did not change your address, someone else may be using your account. Tell the "
                        + site + " administrators at once.")
                .build();
    }

    private static String hello(String username) {
        return "Hello " + username + ",";
    }

    /** "3 days", "24 hours", "1 hour", "30 minutes": the largest unit that divides the duration exactly. */
    static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds >= 2 * 86_400 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
