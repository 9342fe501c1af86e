package io.gatehouse.jdbc;

import io.gatehouse.user.DuplicateUserException;
import io.gatehouse.user.EmailAddress;
import io.gatehouse.user.NewUser;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import io.gatehouse.user.Username;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * {@link UserStore} on a SQL table. The canonical username and email live in their own columns under unique
 * constraints, so the database decides which of two concurrent sign-ups wins; the loser's violation becomes a
 * {@link DuplicateUserException} naming the field, found by the constraint's name. {@link #updateIf} is one
 * conditional {@code UPDATE}, so of two concurrent calls with the same expected state exactly one changes a row.
 * Deleting a user cascades to its sessions, grants, memberships and queued mail.
 */
final class JdbcUserStore implements UserStore {
    private final Db db;
    private final String insert;
    private final String selectById;
    private final String selectByUsernameKey;
    private final String selectByEmailKey;
    private final String update;
    private final String updateIfNeverLoggedIn;
    private final String updateIfLoggedIn;
    private final String delete;

    JdbcUserStore(Db db) {
        this.db = Objects.requireNonNull(db, "db");
        insert = db.sql("INSERT INTO {p}user (username, username_key, email, email_key, password_hash, first_name, "
                + "last_name, active, staff, superuser, email_verified, date_joined, last_login, locale) VALUES "
                + "(:username, :usernameKey, :email, :emailKey, :passwordHash, :firstName, :lastName, :active, :staff, "
                + ":superuser, :emailVerified, :dateJoined, :lastLogin, :locale)");
        String select = "SELECT " + UserRows.COLUMNS + " FROM {p}user u WHERE ";
        selectById = db.sql(select + "u.id = ?");
        selectByUsernameKey = db.sql(select + "u.username_key = ?");
        selectByEmailKey = db.sql(select + "u.email_key = ?");
        update = db.sql("UPDATE {p}user SET " + UserRows.ASSIGNMENTS + " WHERE id = :id");
        String securityState = " AND password_hash = :expectedPasswordHash AND email = :expectedEmail"
                + " AND email_verified = :expectedEmailVerified AND active = :expectedActive AND last_login ";
        updateIfNeverLoggedIn = update + db.sql(securityState + "IS NULL");
        updateIfLoggedIn = update + db.sql(securityState + "= :expectedLastLogin");
        delete = db.sql("DELETE FROM {p}user WHERE id = ?");
    }

    @Override
    public User create(NewUser user) {
        Objects.requireNonNull(user, "user");
        // The draft becomes a User with a placeholder id only to share the binding code; the id is not bound.
        User draft = user.withId(1);
        long id = db.write("storing a new user", this::duplicate, handle ->
                UserRows.bind(handle.createUpdate(insert), draft)
                        .executeAndReturnGeneratedKeys(generatedIdColumn())
                        .mapTo(Long.class)
                        .one());
        return user.withId(id);
    }

    @Override
    public Optional<User> findById(long id) {
        return db.call("finding a user by id", handle -> handle.createQuery(selectById).bind(0, id)
                .map((rs, ctx) -> UserRows.map(rs, 1)).findOne());
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return Username.lookupKey(username)
                .flatMap(key -> findByKey(selectByUsernameKey, key, "finding a user by username"));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return EmailAddress.lookupKey(email)
                .flatMap(key -> findByKey(selectByEmailKey, key, "finding a user by email"));
    }

    @Override
    public boolean update(User user) {
        Objects.requireNonNull(user, "user");
        return db.write("updating a user", this::duplicate, handle ->
                UserRows.bind(handle.createUpdate(update), user).bind("id", user.id()).execute() == 1);
    }

    @Override
    public boolean updateIf(User expected, User next) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        if (expected.id() != next.id()) {
            throw new IllegalArgumentException("expected and next must be the same user: ids "
                    + expected.id() + " and " + next.id() + ".");
        }
        String sql = expected.lastLogin() == null ? updateIfNeverLoggedIn : updateIfLoggedIn;
        return db.write("updating a user if unchanged", this::duplicate, handle -> {
            Update statement = UserRows.bind(handle.createUpdate(sql), next)
                    .bind("id", next.id())
                    .bind("expectedPasswordHash", expected.passwordHash())
                    .bind("expectedEmail", expected.email())
                    .bind("expectedEmailVerified", expected.emailVerified())
                    .bind("expectedActive", expected.active());
            if (expected.lastLogin() != null) {
                statement.bind("expectedLastLogin", expected.lastLogin().toEpochMilli());
            }
            return statement.execute() == 1;
        });
    }

    @Override
    public boolean delete(long id) {
        return db.call("deleting a user", handle -> handle.createUpdate(delete).bind(0, id).execute() == 1);
    }

    @Override
    public String toString() {
        return "JdbcUserStore[" + db.dialect() + ", " + db.prefix() + "user]";
    }

    private Optional<User> findByKey(String sql, String key, String what) {
        return db.call(what, handle -> handle.createQuery(sql).bind(0, key)
                .map((rs, ctx) -> UserRows.map(rs, 1)).findOne());
    }

    private @Nullable RuntimeException duplicate(String constraint) {
        if (db.isConstraint(constraint, "user_username_uq")) {
            return new DuplicateUserException("username");
        }
        if (db.isConstraint(constraint, "user_email_uq")) {
            return new DuplicateUserException("email");
        }
        return null;
    }

    private String generatedIdColumn() {
        // H2 folds unquoted names to upper case and matches generated-key names exactly.
        return db.dialect() == Dialect.H2 ? "ID" : "id";
    }
}
