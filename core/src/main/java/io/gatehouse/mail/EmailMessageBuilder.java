package io.gatehouse.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link EmailMessage}; start with {@link EmailMessage#builder()}. Addresses given as text are
 * parsed at once, so a malformed one fails at the call that added it, with its position in the field name
 * ({@code to[2]}); everything else is checked by {@link #build()}. Not thread-safe.
 */
public final class EmailMessageBuilder {
    @Nullable MailAddress from;
    final List<MailAddress> to = new ArrayList<>();
    final List<MailAddress> cc = new ArrayList<>();
    final List<MailAddress> bcc = new ArrayList<>();
    final List<MailAddress> replyTo = new ArrayList<>();
    String subject = "";
    String text = "";
    @Nullable String html;
    final Map<String, String> headers = new LinkedHashMap<>();
    @Nullable String messageId;

    EmailMessageBuilder() {
    }

    EmailMessageBuilder(EmailMessage message) {
        from = message.from();
        to.addAll(message.to());
        cc.addAll(message.cc());
        bcc.addAll(message.bcc());
        replyTo.addAll(message.replyTo());
        subject = message.subject();
        text = message.text();
        html = message.html().orElse(null);
        headers.putAll(message.headers());
        messageId = message.messageId();
    }

    /**
     * Sets the sender.
     *
     * @param mailbox {@code a@example.com} or {@code Name <a@example.com>}
     * @return this builder
     * @throws io.gatehouse.InvalidInputException naming {@code from} when it is not a valid mailbox
     */
    public EmailMessageBuilder from(String mailbox) {
        from = MailAddress.parse(mailbox, "from");
        return this;
    }

    /**
     * Sets the sender.
     *
     * @param mailbox the sender
     * @return this builder
     */
    public EmailMessageBuilder from(MailAddress mailbox) {
        from = Objects.requireNonNull(mailbox, "from");
        return this;
    }

    /**
     * Adds primary recipients.
     *
     * @param mailboxes each {@code a@example.com} or {@code Name <a@example.com>}
     * @return this builder
     * @throws io.gatehouse.InvalidInputException naming {@code to[i]} for the first invalid mailbox
     */
    public EmailMessageBuilder to(String... mailboxes) {
        return add(to, "to", mailboxes);
    }

    /**
     * Adds primary recipients.
     *
     * @param mailboxes the recipients
     * @return this builder
     */
    public EmailMessageBuilder to(MailAddress... mailboxes) {
        return add(to, "to", mailboxes);
    }

    /**
     * Adds copy recipients.
     *
     * @param mailboxes each {@code a@example.com} or {@code Name <a@example.com>}
     * @return this builder
     * @throws io.gatehouse.InvalidInputException naming {@code cc[i]} for the first invalid mailbox
     */
    public EmailMessageBuilder cc(String... mailboxes) {
        return add(cc, "cc", mailboxes);
    }

    /**
     * Adds copy recipients.
     *
     * @param mailboxes the recipients
     * @return this builder
     */
    public EmailMessageBuilder cc(MailAddress... mailboxes) {
        return add(cc, "cc", mailboxes);
    }

    /**
     * Adds blind copy recipients, who receive the message but appear in no header.
     *
     * @param mailboxes each {@code a@example.com} or {@code Name <a@example.com>}
     * @return this builder
     * @throws io.gatehouse.InvalidInputException naming {@code bcc[i]} for the first invalid mailbox
     */
    public EmailMessageBuilder bcc(String... mailboxes) {
        return add(bcc, "bcc", mailboxes);
    }

    /**
     * Adds blind copy recipients.
     *
     * @param mailboxes the recipients
     * @return this builder
     */
    public EmailMessageBuilder bcc(MailAddress... mailboxes) {
        return add(bcc, "bcc", mailboxes);
    }

    /**
     * Adds Reply-To mailboxes.
     *
     * @param mailboxes each {@code a@example.com} or {@code Name <a@example.com>}
     * @return this builder
     * @throws io.gatehouse.InvalidInputException naming {@code replyTo[i]} for the first invalid mailbox
     */
    public EmailMessageBuilder replyTo(String... mailboxes) {
        return add(replyTo, "replyTo", mailboxes);
    }

    /**
     * Adds Reply-To mailboxes.
     *
     * @param mailboxes the mailboxes
     * @return this builder
     */
    public EmailMessageBuilder replyTo(MailAddress... mailboxes) {
        return add(replyTo, "replyTo", mailboxes);
    }

    private EmailMessageBuilder add(List<MailAddress> list, String field, String... mailboxes) {
        Objects.requireNonNull(mailboxes, field);
        for (String mailbox : mailboxes) {
            list.add(MailAddress.parse(mailbox, field + "[" + list.size() + "]"));
        }
        return this;
    }

    private EmailMessageBuilder add(List<MailAddress> list, String field, MailAddress... mailboxes) {
        Objects.requireNonNull(mailboxes, field);
        for (MailAddress mailbox : mailboxes) {
            list.add(Objects.requireNonNull(mailbox, field + "[" + list.size() + "]"));
        }
        return this;
    }

    /**
     * Sets the subject (empty by default).
     *
     * @param subject the subject, any Unicode text on one line
     * @return this builder
     */
    public EmailMessageBuilder subject(String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /**
     * Sets the plain-text body (empty by default). Line breaks may be {@code \n} or {@code \r\n}.
     *
     * @param text the body
     * @return this builder
     */
    public EmailMessageBuilder text(String text) {
        this.text = Objects.requireNonNull(text, "text");
        return this;
    }

    /**
     * Sets or removes the HTML alternative to the text body.
     *
     * @param html the HTML document or fragment, or {@code null} for a text-only message
     * @return this builder
     */
    public EmailMessageBuilder html(@Nullable String html) {
        this.html = html;
        return this;
    }

    /**
     * Adds an extra header, replacing one of the same name in any letter case.
     *
     * @param name the header name, e.g. {@code X-Campaign}
     * @param value the value on one line
     * @return this builder
     */
    public EmailMessageBuilder header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        headers.put(name, value);
        return this;
    }

    /**
     * Sets the Message-ID instead of generating one; an outbox does this when it rebuilds a stored message.
     *
     * @param messageId e.g. {@code <9f86d081@example.com>}
     * @return this builder
     */
    public EmailMessageBuilder messageId(String messageId) {
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        return this;
    }

    /**
     * Checks every rule listed on {@link EmailMessage} and builds the message.
     *
     * @return the message
     * @throws io.gatehouse.InvalidInputException naming the field that breaks a rule
     */
    public EmailMessage build() {
        return new EmailMessage(this);
    }
}
