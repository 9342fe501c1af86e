package io.gatehouse.jdbc;

import io.gatehouse.session.Session;
import io.gatehouse.session.SessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SessionStore} on a SQL table keyed by the SHA-256 of the session id. Each method is one statement;
 * {@link #touch} writes only the last-seen time, and {@link io.gatehouse.session.SessionManager} calls it at
 * most once per touch interval. Sessions of a deleted user go with it (foreign key, cascade).
 */
final class JdbcSessionStore implements SessionStore {
    /** The session columns in the order {@link #map} reads them, for a table aliased {@code s}. */
    static final String COLUMNS = "s.id_hash, s.user_id, s.auth_hash, s.created_at, s.last_seen_at, s.expires_at, "
            + "s.persistent, s.attributes";
    static final int COUNT = 8;

    private final Db db;
    private final String save;
    private final String update;
    private final String find;
    private final String touch;
    private final String delete;
    private final String findByUser;
    private final String deleteOthers;
    private final String deleteByUser;
    private final String deleteExpired;

    JdbcSessionStore(Db db) {
        this.db = Objects.requireNonNull(db, "db");
        save = db.upsert("session", "id_hash, user_id, auth_hash, created_at, last_seen_at, expires_at, persistent, "
                + "attributes", "id_hash");
        update = db.sql("UPDATE {p}session SET user_id = ?, auth_hash = ?, created_at = ?, last_seen_at = ?, "
                + "expires_at = ?, persistent = ?, attributes = ? WHERE id_hash = ?");
        String select = "SELECT " + COLUMNS + " FROM {p}session s WHERE ";
        find = db.sql(select + "s.id_hash = ?");
        touch = db.sql("UPDATE {p}session SET last_seen_at = ? WHERE id_hash = ?");
        delete = db.sql("DELETE FROM {p}session WHERE id_hash = ?");
        findByUser = db.sql(select + "s.user_id = ? ORDER BY s.created_at DESC, s.id_hash");
        deleteOthers = db.sql("DELETE FROM {p}session WHERE user_id = ? AND id_hash <> ?");
        deleteByUser = db.sql("DELETE FROM {p}session WHERE user_id = ?");
        deleteExpired = db.deleteBatch("session", "id_hash", "expires_at <= ?", "expires_at");
    }

    @Override
    public void save(Session session) {
        Objects.requireNonNull(session, "session");
        db.call("storing a session", handle -> handle.createUpdate(save)
                .bind(0, session.idHash())
                .bind(1, session.userId())
                .bind(2, session.authHash())
                .bind(3, session.createdAt().toEpochMilli())
                .bind(4, session.lastSeenAt().toEpochMilli())
                .bind(5, session.expiresAt().toEpochMilli())
                .bind(6, session.persistent())
                .bind(7, AttributeCodec.encode(session.attributes()))
                .execute());
    }

    @Override
    public boolean update(Session session) {
        Objects.requireNonNull(session, "session");
        return db.call("updating a session", handle -> handle.createUpdate(update)
                .bind(0, session.userId())
                .bind(1, session.authHash())
                .bind(2, session.createdAt().toEpochMilli())
                .bind(3, session.lastSeenAt().toEpochMilli())
                .bind(4, session.expiresAt().toEpochMilli())
                .bind(5, session.persistent())
                .bind(6, AttributeCodec.encode(session.attributes()))
                .bind(7, session.idHash())
                .execute() == 1);
    }

    @Override
    public Optional<Session> find(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return db.call("finding a session", handle -> handle.createQuery(find).bind(0, idHash)
                .map((rs, ctx) -> map(rs, 1)).findOne());
    }

    @Override
    public boolean touch(String idHash, Instant lastSeenAt) {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        return db.call("touching a session", handle -> handle.createUpdate(touch)
                .bind(0, lastSeenAt.toEpochMilli()).bind(1, idHash).execute() == 1);
    }

    @Override
    public boolean delete(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return db.call("deleting a session", handle -> handle.createUpdate(delete).bind(0, idHash).execute() == 1);
    }

    @Override
    public List<Session> findByUser(long userId) {
        return db.call("listing a user's sessions", handle -> handle.createQuery(findByUser).bind(0, userId)
                .map((rs, ctx) -> map(rs, 1)).list());
    }

    @Override
    public int deleteOthers(long userId, String keepIdHash) {
        Objects.requireNonNull(keepIdHash, "keepIdHash");
        return db.call("deleting a user's other sessions", handle -> handle.createUpdate(deleteOthers)
                .bind(0, userId).bind(1, keepIdHash).execute());
    }

    @Override
    public int deleteByUser(long userId) {
        return db.call("deleting a user's sessions", handle -> handle.createUpdate(deleteByUser)
                .bind(0, userId).execute());
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit + ".");
        }
        return db.call("deleting expired sessions", handle -> handle.createUpdate(deleteExpired)
                .bind(0, now.toEpochMilli()).bind(1, limit).execute());
    }

    @Override
    public String toString() {
        return "JdbcSessionStore[" + db.dialect() + ", " + db.prefix() + "session]";
    }

    /** Reads a session from the row's columns starting at {@code first}, in {@link #COLUMNS} order. */
    static Session map(ResultSet rs, int first) throws SQLException {
        int c = first;
        String idHash = rs.getString(c++);
        long userId = rs.getLong(c++);
        try {
            return new Session(idHash, userId, rs.getString(c++), Instant.ofEpochMilli(rs.getLong(c++)),
                    Instant.ofEpochMilli(rs.getLong(c++)), Instant.ofEpochMilli(rs.getLong(c++)), rs.getBoolean(c++),
                    AttributeCodec.decode(rs.getString(c)));
        } catch (RuntimeException e) {
            throw StoreErrors.invalidRow("session of user " + userId, e);
        }
    }
}
