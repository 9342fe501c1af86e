package io.gatehouse.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: where sessions live, keyed by the SHA-256 of their id. Implementations:
 * {@link InMemorySessionStore} and the JDBC store; all pass the {@code SessionStoreContract} suite.
 *
 * <p>Implementations are thread-safe and never see a raw session id. Failures of the backing store are
 * {@link io.gatehouse.StoreException}s.
 */
public interface SessionStore {
    /**
     * Stores a session, replacing any with the same id hash: an insert-or-replace, for new sessions.
     *
     * <p>Security note: never use it to write back a session read earlier; a delete that ran in between (a
     * logout, a revocation) would be undone. Use {@link #update} for that.
     *
     * @param session the session
     */
    void save(Session session);

    /**
     * Replaces the stored session with the same id hash, only if one is still stored; atomically, so that a
     * concurrent {@link #delete} either happens before (and this returns false, creating nothing) or after.
     * A SQL store runs {@code UPDATE ... WHERE id_hash = ?} and reports whether a row changed.
     *
     * @param session the new state of the session
     * @return true when the session existed and was replaced; false when it did not and nothing was stored
     */
    boolean update(Session session);

    /**
     * Finds a session by id hash, expired or not; callers decide what expiry means.
     *
     * @param idHash SHA-256 of the session id, lower-case hex
     * @return the session, or empty
     */
    Optional<Session> find(String idHash);

    /**
     * Records that a session was used.
     *
     * @param idHash the session
     * @param lastSeenAt when it was used
     * @return true when the session exists
     */
    boolean touch(String idHash, Instant lastSeenAt);

    /**
     * Deletes one session.
     *
     * @param idHash the session
     * @return true when it existed
     */
    boolean delete(String idHash);

    /**
     * A user's sessions.
     *
     * @param userId the user
     * @return the sessions, newest first
     */
    List<Session> findByUser(long userId);

    /**
     * Deletes every session of a user but one.
     *
     * @param userId the user
     * @param keepIdHash the session to keep; if it is not the user's, every session of the user is deleted
     * @return how many were deleted
     */
    int deleteOthers(long userId, String keepIdHash);

    /**
     * Deletes every session of a user.
     *
     * @param userId the user
     * @return how many were deleted
     */
    int deleteByUser(long userId);

    /**
     * Deletes at most {@code limit} sessions whose absolute expiry is at or before {@code now}.
     *
     * @param now the current time
     * @param limit the largest batch, positive
     * @return how many were deleted; fewer than {@code limit} means none are left
     */
    int deleteExpired(Instant now, int limit);
}
