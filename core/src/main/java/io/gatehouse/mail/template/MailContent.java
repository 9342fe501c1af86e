package io.gatehouse.mail.template;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The words of one mail: what a {@link MailTemplates} renders and an account flow puts into an
 * {@link io.gatehouse.mail.EmailMessage}.
 *
 * @param subject the subject line, one line
 * @param text the plain-text body
 * @param html the HTML alternative, or {@code null} for a text-only mail
 */
public record MailContent(String subject, String text, @Nullable String html) {
    /** Checks that the subject and text are present. */
    public MailContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The HTML alternative.
     *
     * @return the HTML body, or empty for a text-only mail
     */
    public Optional<String> htmlBody() {
        return Optional.ofNullable(html);
    }
}
