package io.gatehouse.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The databases the database rows run on, named as their JMH {@code database} parameter: H2 in memory, and the
 * PostgreSQL server on 127.0.0.1:5432 (user {@code postgres}, database {@code test}; the environment variable
 * {@value #POSTGRESQL_URL_VARIABLE} names another).
 *
 * <p>Each benchmark gets a database of its own ({@link #open}): a fresh in-memory H2 database, or a new PostgreSQL
 * schema with a random name that the pool's {@code currentSchema} points at, dropped with everything in it when the
 * benchmark ends. So concurrent runs, and the tests of other modules, never see each other's tables, and the peers
 * use their own default table names.
 */
enum BenchDatabase {
    /** H2 2.x, in memory, in the benchmark's JVM. */
    H2,
    /** PostgreSQL over the loopback interface. */
    POSTGRESQL;

    /** The environment variable that overrides the PostgreSQL JDBC URL. */
    static final String POSTGRESQL_URL_VARIABLE = "GATEHOUSE_BENCH_POSTGRESQL_URL";

    private static final String DEFAULT_POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /**
     * The database a JMH parameter names.
     *
     * @param name {@code h2} or {@code postgresql}
     * @return the database
     * @throws IllegalArgumentException naming {@code database} for another name
     */
    static BenchDatabase of(String name) {
        for (BenchDatabase database : values()) {
            if (database.id().equals(name)) {
                return database;
            }
        }
        throw new IllegalArgumentException("database must be h2 or postgresql, was \"" + name + "\".");
    }

    /** The JMH parameter value: {@code h2} or {@code postgresql}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    Dialect dialect() {
        return this == H2 ? Dialect.H2 : Dialect.POSTGRESQL;
    }

    /**
     * Why this database cannot be used now, if it cannot: PostgreSQL not answering within 3 seconds.
     *
     * @return the reason, or empty when the database is there
     */
    Optional<String> unavailable() {
        return this == H2 ? Optional.empty() : postgresqlUnavailable(postgresqlUrl());
    }

    static Optional<String> postgresqlUnavailable(String url) {
        try (Connection connection = DriverManager.getConnection(withOption(url, "connectTimeout=3"))) {
            return connection.isValid(3) ? Optional.empty()
                    : Optional.of("PostgreSQL at " + redacted(url) + " does not answer.");
        } catch (SQLException e) {
            return Optional.of("PostgreSQL at " + redacted(url) + " is unreachable (" + e.getMessage()
                    + "); start it or set " + POSTGRESQL_URL_VARIABLE + ".");
        }
    }

    /**
     * A database of the benchmark's own, with a HikariCP pool of {@code poolSize} connections.
     *
     * @param poolSize the pool's fixed size
     * @return the database; close it to drop it
     * @throws IllegalStateException when PostgreSQL is unreachable
     */
    IsolatedDatabase open(int poolSize) {
        String name = "gh_bench_" + HexFormat.of().formatHex(randomBytes());
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setConnectionTimeout(30_000);
        config.setPoolName(name);
        if (this == H2) {
            // GROUPS is an H2 keyword (window frames) and Spring Security's default queries name a table "groups".
            config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=GROUPS");
            return new IsolatedDatabase(this, new HikariDataSource(config), () -> dropH2(config.getJdbcUrl()));
        }
        String admin = postgresqlUrl();
        execute(admin, "CREATE SCHEMA " + name);
        config.setJdbcUrl(withOption(admin, "currentSchema=" + name));
        return new IsolatedDatabase(this, new HikariDataSource(config),
                () -> execute(admin, "DROP SCHEMA IF EXISTS " + name + " CASCADE"));
    }

    private static void dropH2(String url) {
        execute(url, "SHUTDOWN");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run \"" + sql + "\" on " + redacted(url) + ": " + e.getMessage(),
                    e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[5];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static String postgresqlUrl() {
        String url = System.getenv(POSTGRESQL_URL_VARIABLE);
        return url == null || url.isBlank() ? DEFAULT_POSTGRESQL_URL : url;
    }

    static String withOption(String url, String option) {
        return url + (url.contains("?") ? "&" : "?") + option;
    }

    /** The URL without its query, which may hold a password. */
    static String redacted(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
