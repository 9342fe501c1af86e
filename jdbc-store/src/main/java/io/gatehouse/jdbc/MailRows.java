package io.gatehouse.jdbc;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.EmailMessageBuilder;
import io.gatehouse.mail.MailAddress;
import io.gatehouse.outbox.OutboxMail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Update;

/**
 * The columns of an outbox row and how an {@link EmailMessage} maps to them, field by field, so operators can
 * read the queue with SQL. An address list holds one mailbox per line, {@code address} or
 * {@code address display name}: addresses hold no space and neither part a line break, so the first space
 * splits them exactly. Headers are {@code Name: value} lines, in order; names hold no colon.
 */
final class MailRows {
    /** The outbox columns in the order {@link #map} reads them, for a table aliased {@code o}. */
    static final String COLUMNS = "o.id, o.user_id, o.status, o.attempts, o.created_at, o.next_attempt_at, "
            + "o.last_error, o.message_id, o.mail_from, o.mail_to, o.mail_cc, o.mail_bcc, o.reply_to, o.subject, "
            + "o.headers, o.body_text, o.body_html";
    /** The message columns, named parameters as {@link #bind} binds them. */
    static final String MESSAGE_COLUMNS = "message_id, mail_from, mail_to, mail_cc, mail_bcc, reply_to, subject, "
            + "headers, body_text, body_html";
    static final String MESSAGE_VALUES = ":messageId, :from, :to, :cc, :bcc, :replyTo, :subject, :headers, :text, "
            + ":html";

    private MailRows() {
    }

    static Update bind(Update update, EmailMessage message) {
        return update.bind("messageId", message.messageId())
                .bind("from", mailbox(message.from()))
                .bind("to", mailboxes(message.to()))
                .bind("cc", mailboxes(message.cc()))
                .bind("bcc", mailboxes(message.bcc()))
                .bind("replyTo", mailboxes(message.replyTo()))
                .bind("subject", message.subject())
                .bind("headers", headers(message.headers()))
                .bind("text", message.text())
                .bind("html", message.html().orElse(null));
    }

    static OutboxMail map(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        long userId = rs.getLong(2);
        Long user = rs.wasNull() ? null : userId;
        String statusName = rs.getString(3);
        int attempts = rs.getInt(4);
        Instant createdAt = Instant.ofEpochMilli(rs.getLong(5));
        Instant nextAttemptAt = Instant.ofEpochMilli(rs.getLong(6));
        String lastError = rs.getString(7);
        try {
            return new OutboxMail(id, user, message(rs), OutboxMail.Status.valueOf(statusName), attempts, createdAt,
                    nextAttemptAt, lastError);
        } catch (RuntimeException e) {
            throw StoreErrors.invalidRow("outbox message " + id, e);
        }
    }

    private static EmailMessage message(ResultSet rs) throws SQLException {
        EmailMessageBuilder message = EmailMessage.builder()
                .messageId(rs.getString(8))
                .from(parseMailbox(rs.getString(9)))
                .to(parseMailboxes(rs.getString(10)))
                .cc(parseMailboxes(rs.getString(11)))
                .bcc(parseMailboxes(rs.getString(12)))
                .replyTo(parseMailboxes(rs.getString(13)))
                .subject(rs.getString(14));
        String headers = rs.getString(15);
        if (!headers.isEmpty()) {
            for (String line : headers.split("\n", -1)) {
                int colon = line.indexOf(':');
                message.header(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return message.text(rs.getString(16)).html(rs.getString(17)).build();
    }

    static String mailbox(MailAddress mailbox) {
        return mailbox.hasDisplayName() ? mailbox.address() + " " + mailbox.displayName() : mailbox.address();
    }

    static String mailboxes(List<MailAddress> mailboxes) {
        return String.join("\n", mailboxes.stream().map(MailRows::mailbox).toList());
    }

    static String headers(Map<String, String> headers) {
        return String.join("\n", headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    static MailAddress parseMailbox(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? MailAddress.of(line) : MailAddress.of(line.substring(0, space), line.substring(space + 1));
    }

    static MailAddress[] parseMailboxes(String lines) {
        if (lines.isEmpty()) {
            return new MailAddress[0];
        }
        List<MailAddress> mailboxes = new ArrayList<>();
        for (String line : lines.split("\n", -1)) {
            mailboxes.add(parseMailbox(line));
        }
        return mailboxes.toArray(MailAddress[]::new);
    }
}
