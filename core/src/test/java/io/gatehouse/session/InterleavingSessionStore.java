package io.gatehouse.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test-only {@link SessionStore} wrapper that runs a hook once, just before the next {@code save} or
 * {@code update} reaches the store, so a test can play a concurrent request (a logout, a revocation) into the
 * window between a read and the write that follows it, deterministically.
 */
final class InterleavingSessionStore implements SessionStore {
    private final SessionStore delegate;
    private final AtomicReference<Runnable> beforeNextWrite = new AtomicReference<>();

    InterleavingSessionStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code hook} once, before the next save or update. */
    void beforeNextWrite(Runnable hook) {
        beforeNextWrite.set(hook);
    }

    private void runHook() {
        Runnable hook = beforeNextWrite.getAndSet(null);
        if (hook != null) {
            hook.run();
        }
    }

    @Override
    public void save(Session session) {
        runHook();
        delegate.save(session);
    }

    @Override
    public boolean update(Session session) {
        runHook();
        return delegate.update(session);
    }

    @Override
    public Optional<Session> find(String idHash) {
        return delegate.find(idHash);
    }

    @Override
    public boolean touch(String idHash, Instant lastSeenAt) {
        return delegate.touch(idHash, lastSeenAt);
    }

    @Override
    public boolean delete(String idHash) {
        return delegate.delete(idHash);
    }

    @Override
    public List<Session> findByUser(long userId) {
        return delegate.findByUser(userId);
    }

    @Override
    public int deleteOthers(long userId, String keepIdHash) {
        return delegate.deleteOthers(userId, keepIdHash);
    }

    @Override
    public int deleteByUser(long userId) {
        return delegate.deleteByUser(userId);
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        return delegate.deleteExpired(now, limit);
    }
}
