package io.gatehouse.examples.demo;

import io.gatehouse.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The admin's user list: search, filters and paging over the JDBC store's user table. Core's {@code UserStore}
 * port has no listing query (an application lists users its own way), so this reads the {@code gatehouse_user}
 * table directly, read-only, with plain JDBC; it never reads the password hash. Thread-safe.
 */
final class UserDirectory {
    static final int PAGE_SIZE = 20;

    /** One row of the list. */
    record Row(long id, String username, String email, String firstName, String lastName, boolean active,
            boolean staff, boolean superuser, boolean verified, Instant dateJoined, @Nullable Instant lastLogin) {
    }

    /**
     * What to list: a search term (part of the username or email, any case) and flag filters, each
     * {@code null} for "any".
     */
    record Query(String search, @Nullable Boolean active, @Nullable Boolean staff, @Nullable Boolean superuser,
            @Nullable Boolean verified, int page) {
        Query {
            Objects.requireNonNull(search, "search");
            page = Math.max(page, 1);
        }
    }

    /** One page of results. */
    record Page(List<Row> rows, int page, int pages, long total) {
    }

    private final DataSource dataSource;
    private final String table;

    UserDirectory(DataSource dataSource, String tablePrefix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(tablePrefix, "tablePrefix") + "user";
    }

    Page find(Query query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + table + where)) {
                bind(count, args);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            int page = Math.min(query.page(), pages);
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, username, email, first_name, last_name, "
                    + "active, staff, superuser, email_verified, date_joined, last_login FROM " + table + where
                    + " ORDER BY id LIMIT " + PAGE_SIZE + " OFFSET " + (page - 1) * PAGE_SIZE)) {
                bind(select, args);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            return new Page(rows, page, pages, total);
        } catch (SQLException e) {
            throw failure("Could not list users from " + table + ".", e);
        }
    }

    /** How many active superusers exist, to tell a first start how to create one. */
    long superuserCount() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table
                        + " WHERE superuser = ? AND active = ?")) {
            s.setBoolean(1, true);
            s.setBoolean(2, true);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("Could not count superusers in " + table + ".", e);
        }
    }

    // The SQL text and bound values stay out of the message: a search term could be anything.
    private static StoreException failure(String message, SQLException e) {
        return new StoreException(message, e instanceof java.sql.SQLTransientException, e.getSQLState(), e);
    }

    private static String where(Query query, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        String term = Normalizer.normalize(query.search().strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (!term.isEmpty()) {
            String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add("(username_key LIKE ? ESCAPE '\\' OR email_key LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
        }
        flag(conditions, args, "active", query.active());
        flag(conditions, args, "staff", query.staff());
        flag(conditions, args, "superuser", query.superuser());
        flag(conditions, args, "email_verified", query.verified());
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void flag(List<String> conditions, List<Object> args, String column, @Nullable Boolean value) {
        if (value != null) {
            conditions.add(column + " = ?");
            args.add(value);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        long lastLogin = rs.getLong("last_login");
        boolean neverLoggedIn = rs.wasNull();
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getBoolean("active"), rs.getBoolean("staff"),
                rs.getBoolean("superuser"), rs.getBoolean("email_verified"),
                Instant.ofEpochMilli(rs.getLong("date_joined")), neverLoggedIn ? null : Instant.ofEpochMilli(lastLogin));
    }
}
