package io.gatehouse.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test-only {@link SessionStore} wrapper that records every call, so tests can assert what reached the
 * store (a malformed cookie must cause no call; a touch at most one write per interval). Thread-safe enough
 * for single-threaded tests only.
 */
final class CountingSessionStore implements SessionStore {
    private final SessionStore delegate;
    private final List<String> calls = new ArrayList<>();
    private final List<Object> arguments = new ArrayList<>();

    CountingSessionStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    /** Every call so far, by method name, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** Every argument ever passed to the store, for checking that no raw id reached it. */
    List<Object> arguments() {
        return List.copyOf(arguments);
    }

    /** How many calls changed something (or could have). */
    long writes() {
        return calls.stream().filter(c -> !c.equals("find") && !c.equals("findByUser")).count();
    }

    long count(String method) {
        return calls.stream().filter(method::equals).count();
    }

    void reset() {
        calls.clear();
        arguments.clear();
    }

    private void record(String method, Object... args) {
        calls.add(method);
        arguments.addAll(List.of(args));
    }

    @Override
    public void save(Session session) {
        record("save", session);
        delegate.save(session);
    }

    @Override
    public boolean update(Session session) {
        record("update", session);
        return delegate.update(session);
    }

    @Override
    public Optional<Session> find(String idHash) {
        record("find", idHash);
        return delegate.find(idHash);
    }

    @Override
    public boolean touch(String idHash, Instant lastSeenAt) {
        record("touch", idHash, lastSeenAt);
        return delegate.touch(idHash, lastSeenAt);
    }

    @Override
    public boolean delete(String idHash) {
        record("delete", idHash);
        return delegate.delete(idHash);
    }

    @Override
    public List<Session> findByUser(long userId) {
        record("findByUser", userId);
        return delegate.findByUser(userId);
    }

    @Override
    public int deleteOthers(long userId, String keepIdHash) {
        record("deleteOthers", userId, keepIdHash);
        return delegate.deleteOthers(userId, keepIdHash);
    }

    @Override
    public int deleteByUser(long userId) {
        record("deleteByUser", userId);
        return delegate.deleteByUser(userId);
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        record("deleteExpired", now, limit);
        return delegate.deleteExpired(now, limit);
    }
}
