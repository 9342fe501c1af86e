package io.gatehouse.mail.template;

import io.gatehouse.InvalidInputException;
import io.gatehouse.user.EmailAddress;
import io.gatehouse.user.User;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The default account mails: English, and Korean for users whose locale's language is {@code ko}. Built by
 * {@link MailTemplates#defaults(String)}. Immutable and thread-safe.
 */
final class DefaultMailTemplates implements MailTemplates {
    /** The longest site name, in code points: it precedes every subject. */
    static final int MAX_SITE_NAME_LENGTH = 100;

    private final String siteName;
    private final Duration verificationValidity;
    private final Duration resetValidity;
    private final Duration emailChangeValidity;

    DefaultMailTemplates(String siteName, Duration verificationValidity, Duration resetValidity,
            Duration emailChangeValidity) {
        this.siteName = checkSiteName(siteName);
        this.verificationValidity = Objects.requireNonNull(verificationValidity, "verificationValidity");
        this.resetValidity = Objects.requireNonNull(resetValidity, "resetValidity");
        this.emailChangeValidity = Objects.requireNonNull(emailChangeValidity, "emailChangeValidity");
    }

    @Override
    public MailContent verifyEmail(User user, String link) {
        Wording w = wording(user);
        return MailLayout.render(w, w.verifyEmail(user.username(), siteName, checkLink(link, "link"),
                verificationValidity), siteName);
    }

    @Override
    public MailContent accountExists(User user, String loginLink, String resetLink) {
        Wording w = wording(user);
        return MailLayout.render(w, w.accountExists(user.username(), siteName, checkLink(loginLink, "loginLink"),
                checkLink(resetLink, "resetLink")), siteName);
    }

    @Override
    public MailContent resetPassword(User user, String link) {
        Wording w = wording(user);
        return MailLayout.render(w, w.resetPassword(user.username(), siteName, checkLink(link, "link"),
                resetValidity), siteName);
    }

    @Override
    public MailContent passwordChanged(User user) {
        Wording w = wording(user);
        return MailLayout.render(w, w.passwordChanged(user.username(), siteName), siteName);
    }

    @Override
    public MailContent confirmEmailChange(User user, String newEmail, String link) {
        Wording w = wording(user);
        return MailLayout.render(w, w.confirmEmailChange(user.username(), siteName,
                EmailAddress.validate(newEmail, "newEmail"), checkLink(link, "link"), emailChangeValidity),
                siteName);
    }

    @Override
    public MailContent emailChanged(User user, String newEmail) {
        Wording w = wording(user);
        return MailLayout.render(w, w.emailChanged(user.username(), siteName,
                EmailAddress.validate(newEmail, "newEmail")), siteName);
    }

    private static Wording wording(User user) {
        Objects.requireNonNull(user, "user");
        return "ko".equals(user.locale().getLanguage()) ? KoreanWording.INSTANCE : EnglishWording.INSTANCE;
    }

    /**
     * The site name goes into every subject, so it follows the header rules of
     * {@link io.gatehouse.mail.EmailMessage}: no line break, no control character, and no code point whose low
     * byte is CR or LF, which an 8-bit encoder would turn into a line break. Checked once, here, so that a bad
     * name fails at start-up rather than at the first sign-up.
     */
    static String checkSiteName(String siteName) {
        Objects.requireNonNull(siteName, "siteName");
        if (siteName.isBlank()) {
            throw new InvalidInputException("siteName", "site_name_blank", "The siteName must not be blank.");
        }
        if (siteName.codePointCount(0, siteName.length()) > MAX_SITE_NAME_LENGTH) {
            throw new InvalidInputException("siteName", "site_name_too_long",
                    "The siteName must be at most " + MAX_SITE_NAME_LENGTH + " characters long.");
        }
        for (int i = 0; i < siteName.length(); ) {
            int cp = siteName.codePointAt(i);
            int low = cp & 0xFF;
            if (low == '\r' || low == '\n' || Character.isISOControl(cp) || cp == '\u2028' || cp == '\u2029'
                    || Character.getType(cp) == Character.SURROGATE) {
                throw new InvalidInputException("siteName", "site_name_invalid_character", String.format(
                        Locale.ROOT, "The siteName goes into mail subjects and must be one line without control "
                                + "characters, but it holds U+%04X at position %d; remove it.", cp, i));
            }
            i += Character.charCount(cp);
        }
        return siteName;
    }

    /** Links come from the configured base URL; a blank one or one with a line break is a wiring mistake. */
    private static String checkLink(String link, String field) {
        Objects.requireNonNull(link, field);
        if (link.isBlank() || link.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "link_invalid",
                    "The " + field + " must be a complete URL, not blank and without control characters such as "
                            + "line breaks.");
        }
        return link;
    }

    @Override
    public String toString() {
        return "MailTemplates.defaults[siteName=" + siteName + ", verification=" + verificationValidity
                + ", reset=" + resetValidity + ", emailChange=" + emailChangeValidity + "]";
    }
}
