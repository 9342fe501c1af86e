package io.gatehouse.bench;

import io.gatehouse.jdbc.JdbcSettings;
import io.gatehouse.jdbc.JdbcStores;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The login lookup, {@link UserStore#findByUsername} and {@link UserStore#findByEmail} on the JDBC store, with
 * 1,000 and with 1,000,000 users, on H2 in memory and on PostgreSQL. Each lookup is one indexed query on the
 * canonical key (case-folded, NFKC), so its time should hardly depend on the table's size; the row compares each
 * method at 1,000,000 users with itself at 1,000.
 *
 * <p>The users are written in bulk ({@link Population}) and typed back as they signed up ({@code User<n>},
 * {@code User<n>@Example.com}), so every lookup canonicalises its input as a login does. Each thread walks the
 * users in a fixed stride; a lookup that finds nobody fails the run.
 *
 * <p>{@link #databaseById} is the floor, not Gatehouse: the database's own primary-key lookup of the same row, in
 * plain JDBC on the same pool, so the row shows how much of the growth from 1,000 to 1,000,000 users is the
 * database's own (on H2 in memory, a B-tree of Java objects that no longer fits the CPU caches).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LookupBenchmark {

    /** The database and its users, built once per fork. */
    @State(Scope.Benchmark)
    public static class Site {
        /** Which database: {@code h2} or {@code postgresql}. */
        @Param({"h2", "postgresql"})
        public String database = "h2";

        /** How many users the table holds. */
        @Param({"1000", "1000000"})
        public int users = 1_000;

        // Set by setUp() before any benchmark method runs, as JMH guarantees.
        private IsolatedDatabase db;
        private UserStore store;
        private String byId;

        /** Opens the database and writes the users in bulk. */
        @Setup(Level.Trial)
        public void setUp() {
            db = BenchDatabase.of(database).open(2);
            try {
                String prefix = Population.installSchema(db);
                Population.users(db, prefix, users, Population.passwordHash());
                store = JdbcStores.create(db.dataSource(), JdbcSettings.defaults().withTablePrefix(prefix)).users();
                byId = "SELECT id, username, username_key, email, email_key, password_hash, first_name, last_name, "
                        + "active, staff, superuser, email_verified, date_joined, last_login, locale FROM " + prefix
                        + "user WHERE id = ?";
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }

        /** Drops the database. */
        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
        }

        UserStore store() {
            return store;
        }

        IsolatedDatabase db() {
            return db;
        }
    }

    /**
     * Finds a user by username.
     *
     * @param site the users
     * @param cursor this thread's walk through them
     * @return the user
     */
    @Benchmark
    public User byUsername(Site site, ResolveBenchmark.Cursor cursor) {
        long n = cursor.next(site.users) + 1L;
        return site.store().findByUsername(Population.username(n)).orElseThrow();
    }

    /**
     * Finds a user by email address.
     *
     * @param site the users
     * @param cursor this thread's walk through them
     * @return the user
     */
    @Benchmark
    public User byEmail(Site site, ResolveBenchmark.Cursor cursor) {
        long n = cursor.next(site.users) + 1L;
        return site.store().findByEmail(Population.email(n)).orElseThrow();
    }

    /**
     * The floor: the database's own primary-key lookup of the user's row, every column read as a string, in plain
     * JDBC on the same pool.
     *
     * @param site the data
     * @param cursor this thread's walk through the users
     * @return the username read
     * @throws SQLException when the database fails
     */
    @Benchmark
    public String databaseById(Site site, ResolveBenchmark.Cursor cursor) throws SQLException {
        long n = cursor.next(site.users) + 1L;
        try (Connection connection = site.db.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(site.byId)) {
            statement.setLong(1, n);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No user " + n + ".");
                }
                String username = rs.getString(2);
                for (int column = 3; column <= 15; column++) {
                    rs.getString(column);
                }
                return username;
            }
        }
    }
}
