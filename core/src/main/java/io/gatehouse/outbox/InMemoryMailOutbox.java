package io.gatehouse.outbox;

import io.gatehouse.mail.EmailMessage;
import io.gatehouse.outbox.OutboxMail.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MailOutbox} in this JVM's memory. Thread-safe; its mail is lost on restart, so an application that
 * must not lose mail uses the JDBC outbox instead.
 */
public final class InMemoryMailOutbox implements MailOutbox {
    private final Object lock = new Object();
    private final TreeMap<Long, OutboxMail> byId = new TreeMap<>();
    private long lastId;

    /** Creates an empty outbox. */
    public InMemoryMailOutbox() {
    }

    @Override
    public OutboxMail enqueue(EmailMessage message, @Nullable Long userId, Instant now) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(now, "now");
        synchronized (lock) {
            OutboxMail mail = new OutboxMail(++lastId, userId, message, Status.PENDING, 0, now, now, null);
            byId.put(mail.id(), mail);
            return mail;
        }
    }

    @Override
    public List<OutboxMail> claim(Instant now, Duration lease, int limit) {
        Objects.requireNonNull(now, "now");
        requirePositive(lease, limit);
        Instant leaseEnd = now.plus(lease);
        synchronized (lock) {
            List<OutboxMail> due = byId.values().stream()
                    .filter(m -> (m.status() == Status.PENDING || m.status() == Status.SENDING)
                            && !m.nextAttemptAt().isAfter(now))
                    .sorted(Comparator.comparing(OutboxMail::nextAttemptAt).thenComparing(OutboxMail::id))
                    .limit(limit)
                    .toList();
            List<OutboxMail> claimed = new ArrayList<>(due.size());
            for (OutboxMail m : due) {
                OutboxMail taken = new OutboxMail(m.id(), m.userId(), m.message(), Status.SENDING,
                        m.attempts() + 1, m.createdAt(), leaseEnd, m.lastError());
                byId.put(taken.id(), taken);
                claimed.add(taken);
            }
            return List.copyOf(claimed);
        }
    }

    @Override
    public boolean markSent(long id, Instant now) {
        Objects.requireNonNull(now, "now");
        synchronized (lock) {
            OutboxMail m = byId.get(id);
            if (m == null || m.status() != Status.SENDING) {
                return false;
            }
            byId.put(id, new OutboxMail(id, m.userId(), m.message(), Status.SENT, m.attempts(), m.createdAt(),
                    now, m.lastError()));
            return true;
        }
    }

    @Override
    public boolean markFailed(long id, @Nullable Instant retryAt, String error) {
        Objects.requireNonNull(error, "error");
        synchronized (lock) {
            OutboxMail m = byId.get(id);
            if (m == null || m.status() != Status.SENDING) {
                return false;
            }
            Status next = retryAt == null ? Status.FAILED : Status.PENDING;
            Instant due = retryAt == null ? m.nextAttemptAt() : retryAt;
            byId.put(id, new OutboxMail(id, m.userId(), m.message(), next, m.attempts(), m.createdAt(), due, error));
            return true;
        }
    }

    @Override
    public Optional<OutboxMail> find(long id) {
        synchronized (lock) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    @Override
    public int deleteUnsent(long userId) {
        synchronized (lock) {
            int deleted = 0;
            for (Iterator<OutboxMail> it = byId.values().iterator(); it.hasNext(); ) {
                OutboxMail m = it.next();
                if (Objects.equals(m.userId(), userId)
                        && (m.status() == Status.PENDING || m.status() == Status.SENDING)) {
                    it.remove();
                    deleted++;
                }
            }
            return deleted;
        }
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit + ".");
        }
        synchronized (lock) {
            int deleted = 0;
            for (Iterator<OutboxMail> it = byId.values().iterator(); it.hasNext() && deleted < limit; ) {
                OutboxMail m = it.next();
                if ((m.status() == Status.SENT || m.status() == Status.FAILED) && m.createdAt().isBefore(cutoff)) {
                    it.remove();
                    deleted++;
                }
            }
            return deleted;
        }
    }

    private static void requirePositive(Duration lease, int limit) {
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease + ".");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit + ".");
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "InMemoryMailOutbox[" + byId.size() + " messages]";
        }
    }
}
