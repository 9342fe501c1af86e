package io.gatehouse.bench;

import io.gatehouse.jdbc.JdbcSettings;
import io.gatehouse.jdbc.SchemaInstaller;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.time.Instant;

/**
 * Gatehouse's user rows written in bulk ({@link BulkInsert}), yet exactly as the JDBC store would write them: each
 * row comes from the {@link User} that {@link UserBuilder} makes, so the username and email keys are core's own
 * canonical forms, and the id sequence is moved past the bulk ids so that the store's {@code create} works after.
 *
 * <p>User {@code n} (from 1) is {@code User<n>} with the address {@code User<n>@Example.com}, active and verified,
 * all sharing one real password hash.
 */
final class Population {
    /** When every bulk user joined. */
    static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");

    /** The password of every bulk user. */
    static final String PASSWORD = "correct horse battery staple";

    private static final String[] USER_COLUMNS = {"id", "username", "username_key", "email", "email_key",
        "password_hash", "first_name", "last_name", "active", "staff", "superuser", "email_verified", "date_joined",
        "last_login", "locale"};

    private Population() {
    }

    /** The username of user {@code n}, as typed at sign-up. */
    static String username(long n) {
        return "User" + n;
    }

    /** The email address of user {@code n}, as typed at sign-up. */
    static String email(long n) {
        return "User" + n + "@Example.com";
    }

    /** One real default-hasher hash of {@link #PASSWORD} (about 0.2 s: bcrypt cost 11). */
    static String passwordHash() {
        return PasswordHashers.defaults().encode(PASSWORD);
    }

    /** User {@code n} as the store holds it. */
    static User user(long n, String passwordHash) {
        return UserBuilder.create(username(n), email(n), passwordHash, JOINED).emailVerified(true).build().withId(n);
    }

    /**
     * Installs Gatehouse's schema with the default table prefix.
     *
     * @param db the database
     * @return the table prefix
     */
    static String installSchema(IsolatedDatabase db) {
        SchemaInstaller.install(db.dataSource());
        return JdbcSettings.DEFAULT_PREFIX;
    }

    /**
     * Inserts users 1 to {@code count} into an empty user table.
     *
     * @param db the database
     * @param prefix the table prefix
     * @param count how many
     * @param passwordHash every user's password hash
     */
    static void users(IsolatedDatabase db, String prefix, int count, String passwordHash) {
        try (BulkInsert rows = BulkInsert.into(db.dataSource(), db.database(), prefix + "user", USER_COLUMNS)) {
            for (long n = 1; n <= count; n++) {
                User u = user(n, passwordHash);
                rows.row(u.id(), u.username(), u.usernameKey(), u.email(), u.emailKey(), u.passwordHash(),
                        u.firstName(), u.lastName(), u.active(), u.staff(), u.superuser(), u.emailVerified(),
                        u.dateJoined().toEpochMilli(), null, u.locale().toLanguageTag());
            }
        }
        restartIds(db, prefix + "user", count + 1L);
        analyze(db, prefix + "user");
    }

    /** Moves an identity column's sequence to {@code next}, as if the bulk rows had been inserted one by one. */
    static void restartIds(IsolatedDatabase db, String table, long next) {
        if (next <= 1) {
            return;
        }
        if (db.database() == BenchDatabase.POSTGRESQL) {
            db.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (next - 1) + ")");
        } else {
            db.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }

    /** Refreshes PostgreSQL's planner statistics after a bulk load, as autovacuum would soon do. */
    static void analyze(IsolatedDatabase db, String table) {
        if (db.database() == BenchDatabase.POSTGRESQL) {
            db.execute("ANALYZE " + table);
        }
    }
}
