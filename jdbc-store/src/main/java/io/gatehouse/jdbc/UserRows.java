package io.gatehouse.jdbc;

import io.gatehouse.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/** The columns of a user row and how they map to {@link User}; shared by the user store and the lookup. */
final class UserRows {
    /** The user columns in the order {@link #map} reads them, for a table aliased {@code u}. */
    static final String COLUMNS = "u.id, u.username, u.email, u.password_hash, u.first_name, u.last_name, u.active, "
            + "u.staff, u.superuser, u.email_verified, u.date_joined, u.last_login, u.locale";
    /** How many columns {@link #COLUMNS} has. */
    static final int COUNT = 13;
    /** Assignments of every stored field but the id, for {@code UPDATE ... SET}. */
    static final String ASSIGNMENTS = "username = :username, username_key = :usernameKey, email = :email, "
            + "email_key = :emailKey, password_hash = :passwordHash, first_name = :firstName, last_name = :lastName, "
            + "active = :active, staff = :staff, superuser = :superuser, email_verified = :emailVerified, "
            + "date_joined = :dateJoined, last_login = :lastLogin, locale = :locale";

    private UserRows() {
    }

    /**
     * Reads a user from the row's columns starting at {@code first} (1-based), in {@link #COLUMNS} order.
     */
    static User map(ResultSet rs, int first) throws SQLException {
        int c = first;
        long id = rs.getLong(c++);
        String username = rs.getString(c++);
        String email = rs.getString(c++);
        String passwordHash = rs.getString(c++);
        String firstName = rs.getString(c++);
        String lastName = rs.getString(c++);
        boolean active = rs.getBoolean(c++);
        boolean staff = rs.getBoolean(c++);
        boolean superuser = rs.getBoolean(c++);
        boolean emailVerified = rs.getBoolean(c++);
        Instant dateJoined = Instant.ofEpochMilli(rs.getLong(c++));
        long lastLoginMillis = rs.getLong(c++);
        Instant lastLogin = rs.wasNull() ? null : Instant.ofEpochMilli(lastLoginMillis);
        Locale locale = Locale.forLanguageTag(rs.getString(c));
        try {
            return new User(id, username, email, passwordHash, firstName, lastName, active, staff, superuser,
                    emailVerified, dateJoined, lastLogin, locale);
        } catch (RuntimeException e) {
            throw StoreErrors.invalidRow("user " + id, e);
        }
    }

    /** Binds the named parameters of {@link #ASSIGNMENTS} from a user. */
    static Update bind(Update update, User user) {
        return update.bind("username", user.username())
                .bind("usernameKey", user.usernameKey())
                .bind("email", user.email())
                .bind("emailKey", user.emailKey())
                .bind("passwordHash", user.passwordHash())
                .bind("firstName", user.firstName())
                .bind("lastName", user.lastName())
                .bind("active", user.active())
                .bind("staff", user.staff())
                .bind("superuser", user.superuser())
                .bind("emailVerified", user.emailVerified())
                .bind("dateJoined", user.dateJoined().toEpochMilli())
                .bind("lastLogin", millis(user.lastLogin()))
                .bind("locale", user.locale().toLanguageTag());
    }

    static @Nullable Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
