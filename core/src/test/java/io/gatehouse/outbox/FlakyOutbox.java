package io.gatehouse.outbox;

import io.gatehouse.StoreException;
import io.gatehouse.mail.EmailMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** An {@link InMemoryMailOutbox} whose store can be made to fail, as a database that goes away. */
final class FlakyOutbox implements MailOutbox {
    final InMemoryMailOutbox delegate = new InMemoryMailOutbox();
    private final AtomicInteger claimFailuresLeft = new AtomicInteger();
    private final Set<Long> markFailures = ConcurrentHashMap.newKeySet();
    final AtomicInteger claims = new AtomicInteger();

    void failNextClaims(int count) {
        claimFailuresLeft.set(count);
    }

    void failMarking(long id) {
        markFailures.add(id);
    }

    void healMarking() {
        markFailures.clear();
    }

    private static StoreException down() {
        return new StoreException("The database at db.example.com:5432 is unreachable.", true, "08001", null);
    }

    @Override
    public OutboxMail enqueue(EmailMessage message, @Nullable Long userId, Instant now) {
        return delegate.enqueue(message, userId, now);
    }

    @Override
    public List<OutboxMail> claim(Instant now, Duration lease, int limit) {
        claims.incrementAndGet();
        if (claimFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw down();
        }
        return delegate.claim(now, lease, limit);
    }

    @Override
    public boolean markSent(long id, Instant now) {
        if (markFailures.contains(id)) {
            throw down();
        }
        return delegate.markSent(id, now);
    }

    @Override
    public boolean markFailed(long id, @Nullable Instant retryAt, String error) {
        if (markFailures.contains(id)) {
            throw down();
        }
        return delegate.markFailed(id, retryAt, error);
    }

    @Override
    public Optional<OutboxMail> find(long id) {
        return delegate.find(id);
    }

    @Override
    public int deleteUnsent(long userId) {
        return delegate.deleteUnsent(userId);
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff, int limit) {
        return delegate.deleteFinishedBefore(cutoff, limit);
    }
}
