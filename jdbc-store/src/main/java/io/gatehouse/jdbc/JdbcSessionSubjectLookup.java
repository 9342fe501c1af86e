package io.gatehouse.jdbc;

import io.gatehouse.StoreException;
import io.gatehouse.permission.Permission;
import io.gatehouse.session.Session;
import io.gatehouse.session.SessionSubjectLookup;
import io.gatehouse.session.SessionView;
import io.gatehouse.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The request path in one round trip: one prepared statement joins the session to its user and aggregates
 * the user's direct and group permissions in two correlated subqueries (one string each), so a request costs
 * one statement however many groups the user is in. The permissions of an inactive user are not even read.
 * Writes nothing: {@link io.gatehouse.session.SessionManager} decides about expiry and touches.
 */
final class JdbcSessionSubjectLookup implements SessionSubjectLookup {
    /** MariaDB's GROUP_CONCAT is cut at this many bytes; the statement raises the session's limit to it. */
    private static final int MARIADB_CONCAT_LIMIT = 16 * 1024 * 1024;

    private final Db db;
    private final String select;

    JdbcSessionSubjectLookup(Db db) {
        this.db = Objects.requireNonNull(db, "db");
        String aggregate = switch (db.dialect()) {
            case POSTGRESQL -> "string_agg(%s, ' ')";
            case MARIADB -> "GROUP_CONCAT(%s SEPARATOR ' ')";
            case H2 -> "LISTAGG(%s, ' ')";
        };
        String direct = "(SELECT " + aggregate.formatted("up.permission_name") + " FROM {p}user_permission up "
                + "WHERE up.user_id = s.user_id)";
        String viaGroups = "(SELECT " + aggregate.formatted("gp.permission_name") + " FROM {p}user_group ug "
                + "JOIN {p}group_permission gp ON gp.group_id = ug.group_id WHERE ug.user_id = s.user_id)";
        String statement = "SELECT " + JdbcSessionStore.COLUMNS + ", " + UserRows.COLUMNS
                + ", CASE WHEN u.active THEN " + direct + " END, CASE WHEN u.active THEN " + viaGroups + " END"
                + " FROM {p}session s JOIN {p}user u ON u.id = s.user_id WHERE s.id_hash = ?";
        if (db.dialect() == Dialect.MARIADB) {
            statement = "SET STATEMENT group_concat_max_len = " + MARIADB_CONCAT_LIMIT + " FOR " + statement;
        }
        select = db.sql(statement);
    }

    @Override
    public Optional<SessionView> find(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return db.call("loading a session with its user and permissions", handle -> handle.createQuery(select)
                .bind(0, idHash).map((rs, ctx) -> view(rs)).findOne());
    }

    @Override
    public String toString() {
        return "JdbcSessionSubjectLookup[" + db.dialect() + ", " + db.prefix() + "]";
    }

    private SessionView view(ResultSet rs) throws SQLException {
        Session session = JdbcSessionStore.map(rs, 1);
        int next = 1 + JdbcSessionStore.COUNT;
        User user = UserRows.map(rs, next);
        next += UserRows.COUNT;
        List<String> names = new ArrayList<>();
        split(rs.getString(next), names);
        split(rs.getString(next + 1), names);
        Set<Permission> permissions = JdbcPermissionStore.toSet(names);
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
