package io.gatehouse.servlet;

import io.gatehouse.StoreException;
import io.gatehouse.session.InMemorySessionStore;
import io.gatehouse.session.Session;
import io.gatehouse.session.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Core's {@link InMemorySessionStore} behind a wrapper that counts writes and reads (thread-safe, since Jetty
 * serves on many threads) and can be switched to fail every call, as a database that went down would.
 */
final class CountingSessionStore implements SessionStore {
    private final SessionStore delegate = new InMemorySessionStore();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();

    /** Every call that changed something or could have: save, update, touch and the deletes. */
    long writes() {
        return writes.get();
    }

    long reads() {
        return reads.get();
    }

    void failing(boolean value) {
        failing.set(value);
    }

    private void write() {
        check();
        writes.incrementAndGet();
    }

    private void read() {
        check();
        reads.incrementAndGet();
    }

    private void check() {
        if (failing.get()) {
            throw new StoreException("The session store is unreachable (test).", true, "08001", null);
        }
    }

    @Override
    public void save(Session session) {
        write();
        delegate.save(session);
    }

    @Override
    public boolean update(Session session) {
        write();
        return delegate.update(session);
    }

    @Override
    public Optional<Session> find(String idHash) {
        read();
        return delegate.find(idHash);
    }

    @Override
    public boolean touch(String idHash, Instant lastSeenAt) {
        write();
        return delegate.touch(idHash, lastSeenAt);
    }

    @Override
    public boolean delete(String idHash) {
        write();
        return delegate.delete(idHash);
    }

    @Override
    public List<Session> findByUser(long userId) {
        read();
        return delegate.findByUser(userId);
    }

    @Override
    public int deleteOthers(long userId, String keepIdHash) {
        write();
        return delegate.deleteOthers(userId, keepIdHash);
    }

    @Override
    public int deleteByUser(long userId) {
        write();
        return delegate.deleteByUser(userId);
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        write();
        return delegate.deleteExpired(now, limit);
    }
}
