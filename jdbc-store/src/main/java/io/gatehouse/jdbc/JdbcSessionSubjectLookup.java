package io.gatehouse.jdbc;

import io.gatehouse.StoreException;
import io.gatehouse.permission.Permission;
import io.gatehouse.session.Session;
import io.gatehouse.session.SessionSubjectLookup;
import io.gatehouse.session.SessionView;
import io.gatehouse.user.User;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The request path in one round trip: one prepared statement joins the session to its user and aggregates
 * the user's direct and group permissions in two correlated subqueries (one string each), so a request costs
 * one statement however many groups the user is in. The permissions of an inactive user are not even read.
 * Plain JDBC ({@link Db#callJdbc}): on a connection borrowed straight from the pool, or the unit of work's
 * when one is open on the thread, because on the path every request takes JDBI's handle and statement set-up cost
 * more than H2 took to answer. Writes nothing: {@link io.gatehouse.session.SessionManager} decides about expiry
 * and touches.
 *
 * <p><b>Reusing permissions.</b> The statement also reads the permission epoch, a counter that every change to
 * grants, group memberships or groups raises in its own transaction ({@link JdbcPermissionStore}). This node
 * remembers, per session, the permissions it last read with the epoch and user they were read at, and passes
 * both to the statement: when the epoch and the user are unchanged, the database skips the two subqueries and the
 * remembered permissions are used. One statement reads the epoch and the session's row, so both come from one
 * snapshot: an unchanged epoch means no change to any grant committed since the permissions were read, on any
 * node. User flags (active, superuser) come from the row every time. At most {@link JdbcSettings#permissionCache()}
 * sessions are remembered; past that the memory is cleared and refilled. A missing epoch row turns reuse off.
 */
final class JdbcSessionSubjectLookup implements SessionSubjectLookup {
    /** MariaDB's GROUP_CONCAT is cut at this many bytes; the statement raises the session's limit to it. */
    private static final int MARIADB_CONCAT_LIMIT = 16 * 1024 * 1024;
    /** Passed when nothing is remembered: no epoch is negative and no user id is 0. */
    private static final long NO_EPOCH = -1;
    private static final long NO_USER = 0;

    private final Db db;
    private final String select;
    private final int capacity;
    private final Map<String, Read> remembered = new ConcurrentHashMap<>();

    /** Permissions read for a session, with the epoch and user they were read at. */
    private record Read(long epoch, long userId, Set<Permission> permissions) {
    }

    JdbcSessionSubjectLookup(Db db, int capacity) {
        this.db = Objects.requireNonNull(db, "db");
        this.capacity = capacity;
        String aggregate = switch (db.dialect()) {
            case POSTGRESQL -> "string_agg(%s, ' ')";
            case MARIADB -> "GROUP_CONCAT(%s SEPARATOR ' ')";
            case H2 -> "LISTAGG(%s, ' ')";
        };
        String direct = "(SELECT " + aggregate.formatted("up.permission_name") + " FROM {p}user_permission up "
                + "WHERE up.user_id = s.user_id)";
        String viaGroups = "(SELECT " + aggregate.formatted("gp.permission_name") + " FROM {p}user_group ug "
                + "JOIN {p}group_permission gp ON gp.group_id = ug.group_id WHERE ug.user_id = s.user_id)";
        // Read the permissions unless the caller already holds them for this epoch and user.
        String needed = "u.active AND (e.epoch IS NULL OR e.epoch <> ? OR s.user_id <> ?)";
        String statement = "SELECT " + JdbcSessionStore.COLUMNS + ", " + UserRows.COLUMNS + ", e.epoch"
                + ", CASE WHEN " + needed + " THEN " + direct + " END"
                + ", CASE WHEN " + needed + " THEN " + viaGroups + " END"
                + " FROM {p}session s JOIN {p}user u ON u.id = s.user_id"
                + " LEFT JOIN {p}permission_epoch e ON e.id = 1 WHERE s.id_hash = ?";
        if (db.dialect() == Dialect.MARIADB) {
            statement = "SET STATEMENT group_concat_max_len = " + MARIADB_CONCAT_LIMIT + " FOR " + statement;
        }
        select = db.sql(statement);
    }

    @Override
    public Optional<SessionView> find(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        Read known = capacity == 0 ? null : remembered.get(idHash);
        long epoch = known == null ? NO_EPOCH : known.epoch();
        long userId = known == null ? NO_USER : known.userId();
        Optional<SessionView> found = db.callJdbc("loading a session with its user and permissions", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setLong(1, epoch);
                statement.setLong(2, userId);
                statement.setLong(3, epoch);
                statement.setLong(4, userId);
                statement.setString(5, idHash);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(view(rs, idHash, known)) : Optional.<SessionView>empty();
                }
            }
        });
        if (found.isEmpty() && known != null) {
            remembered.remove(idHash);
        }
        return found;
    }

    @Override
    public String toString() {
        return "JdbcSessionSubjectLookup[" + db.dialect() + ", " + db.prefix() + "]";
    }

    private SessionView view(ResultSet rs, String idHash, @Nullable Read known) throws SQLException {
        Session session = JdbcSessionStore.map(rs, 1);
        int next = 1 + JdbcSessionStore.COUNT;
        User user = UserRows.map(rs, next);
        next += UserRows.COUNT;
        long epoch = rs.getLong(next);
        boolean hasEpoch = !rs.wasNull();
        if (!user.active()) {
            remembered.remove(idHash);
            return new SessionView(session, user, Set.of());
        }
        // The same test as the statement's: when it holds, the database skipped the subqueries.
        if (known != null && hasEpoch && epoch == known.epoch() && user.id() == known.userId()) {
            return new SessionView(session, user, known.permissions());
        }
        List<String> names = new ArrayList<>();
        split(rs.getString(next + 1), names);
        split(rs.getString(next + 2), names);
        // Immutable once: SessionView and Subject copy what they are given, and copying this set is free.
        Set<Permission> permissions = Set.copyOf(JdbcPermissionStore.toSet(names));
        if (hasEpoch && capacity > 0) {
            if (remembered.size() >= capacity) {
                remembered.clear();
            }
            remembered.put(idHash, new Read(epoch, user.id(), permissions));
        }
        return new SessionView(session, user, permissions);
    }

    private void split(@Nullable String joined, List<String> into) {
        if (joined == null || joined.isEmpty()) {
            return;
        }
        if (db.dialect() == Dialect.MARIADB && joined.length() >= MARIADB_CONCAT_LIMIT - Permission.MAX_LENGTH) {
            // Cut short: a permission could be missing or truncated. Fail closed rather than decide on half a list.
            throw new StoreException("The user's permission list is longer than MariaDB's group_concat_max_len of "
                    + MARIADB_CONCAT_LIMIT + " bytes; reduce the number of grants.", false, null, null);
        }
        for (String name : joined.split(" ")) {
            into.add(name);
        }
    }
}
