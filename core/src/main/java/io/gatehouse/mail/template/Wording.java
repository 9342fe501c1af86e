package io.gatehouse.mail.template;

import java.time.Duration;

/**
 * The words of the six account mails in one language. Values arrive unescaped and are returned unescaped;
 * {@link MailLayout} escapes them for HTML.
 */
interface Wording {
    /** The BCP 47 tag for the HTML {@code lang} attribute. */
    String languageTag();

    /** The sentence above the link shown as text, for mail clients that hide buttons. */
    String linkHint();

    /** The closing line. */
    String signOff(String site);

    Draft verifyEmail(String username, String site, String link, Duration valid);

    Draft accountExists(String username, String site, String loginLink, String resetLink);

    Draft resetPassword(String username, String site, String link, Duration valid);

    Draft passwordChanged(String username, String site);

    Draft confirmEmailChange(String username, String site, String newEmail, String link, Duration valid);

    Draft emailChanged(String username, String site, String newEmail);
}
