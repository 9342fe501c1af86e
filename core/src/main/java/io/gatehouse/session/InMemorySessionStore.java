package io.gatehouse.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * A {@link SessionStore} in this JVM's memory, for tests and single-node applications: sessions are lost on
 * restart and not shared between nodes.
 *
 * <p>Thread-safe. Each method is atomic for each session it changes; {@link #findByUser} and the bulk deletes
 * see a weakly consistent view of sessions saved concurrently. Instants are kept exactly as given.
 */
public final class InMemorySessionStore implements SessionStore {
    private static final Comparator<Session> NEWEST_FIRST =
            Comparator.comparing(Session::createdAt).reversed().thenComparing(Session::idHash);

    private final ConcurrentMap<String, Session> byId = new ConcurrentHashMap<>();
    // Concurrent sets changed only inside byUser.compute, so an add never races the removal of an empty set.
    // Lock order: a byId bin, then a byUser bin; never the other way round.
    private final ConcurrentMap<Long, Set<String>> byUser = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemorySessionStore() {
    }

    @Override
    public void save(Session session) {
        Objects.requireNonNull(session, "session");
        byId.compute(session.idHash(), (id, old) -> {
            if (old != null && old.userId() != session.userId()) {
                unindex(old);
            }
            index(session);
            return session;
        });
    }

    @Override
    public boolean update(Session session) {
        Objects.requireNonNull(session, "session");
        return byId.computeIfPresent(session.idHash(), (id, old) -> {
            if (old.userId() != session.userId()) {
                unindex(old);
                index(session);
            }
            return session;
        }) != null;
    }

    @Override
    public Optional<Session> find(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return Optional.ofNullable(byId.get(idHash));
    }

    @Override
    public boolean touch(String idHash, Instant lastSeenAt) {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        return byId.computeIfPresent(idHash, (id, s) -> new Session(s.idHash(), s.userId(), s.authHash(),
                s.createdAt(), lastSeenAt, s.expiresAt(), s.persistent(), s.attributes())) != null;
    }

    @Override
    public boolean delete(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return removeIf(idHash, s -> true);
    }

    @Override
    public List<Session> findByUser(long userId) {
        List<Session> sessions = new ArrayList<>();
        for (String idHash : byUser.getOrDefault(userId, Set.of())) {
            Session session = byId.get(idHash);
            if (session != null && session.userId() == userId) {
                sessions.add(session);
            }
        }
        sessions.sort(NEWEST_FIRST);
        return List.copyOf(sessions);
    }

    @Override
    public int deleteOthers(long userId, String keepIdHash) {
        Objects.requireNonNull(keepIdHash, "keepIdHash");
        int deleted = 0;
        for (String idHash : byUser.getOrDefault(userId, Set.of())) {
            if (!idHash.equals(keepIdHash) && removeIf(idHash, s -> s.userId() == userId)) {
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public int deleteByUser(long userId) {
        int deleted = 0;
        for (String idHash : byUser.getOrDefault(userId, Set.of())) {
            if (removeIf(idHash, s -> s.userId() == userId)) {
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit + ".");
        }
        int deleted = 0;
        for (String idHash : byId.keySet()) {
            if (deleted == limit) {
                break;
            }
            if (removeIf(idHash, s -> s.isExpiredAt(now))) {
                deleted++;
            }
        }
        return deleted;
    }

    private boolean removeIf(String idHash, Predicate<Session> condition) {
        boolean[] removed = {false};
        byId.computeIfPresent(idHash, (id, s) -> {
            if (!condition.test(s)) {
                return s;
            }
            unindex(s);
            removed[0] = true;
            return null;
        });
        return removed[0];
    }

    private void index(Session session) {
        byUser.compute(session.userId(), (userId, ids) -> {
            Set<String> set = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            set.add(session.idHash());
            return set;
        });
    }

    private void unindex(Session session) {
        byUser.computeIfPresent(session.userId(), (userId, ids) -> {
            ids.remove(session.idHash());
            return ids.isEmpty() ? null : ids;
        });
    }
}
