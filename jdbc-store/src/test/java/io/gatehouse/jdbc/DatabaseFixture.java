package io.gatehouse.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.user.UserBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * One database for one test class: a HikariCP pool, a random table prefix, the schema installed by
 * {@link SchemaInstaller}, and every table dropped after the class. The database comes from the class's
 * {@link TestOn}. H2 is in memory and always there; PostgreSQL and MariaDB are the servers on 127.0.0.1
 * (override with {@code GATEHOUSE_TEST_POSTGRESQL_URL} / {@code GATEHOUSE_TEST_MARIADB_URL}). When one is
 * unreachable the class is skipped with a message on stderr, unless {@code GATEHOUSE_REQUIRE_DBS=true}, which
 * makes it a failure.
 */
final class DatabaseFixture implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** Tables in an order that deleting or dropping never breaks a foreign key. */
    static final List<String> TABLES = List.of("outbox", "throttle", "session", "user_group", "group_permission",
            "user_permission", "group", "permission", "user");

    private static final Map<Dialect, String> UNREACHABLE = new ConcurrentHashMap<>();
    private static final Map<Dialect, Boolean> CHECKED = new ConcurrentHashMap<>();
    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");

    private Dialect dialect;
    private String skipReason;
    private String prefix;
    private HikariDataSource dataSource;
    private JdbcStores stores;

    @Override
    public void beforeAll(ExtensionContext context) {
        TestOn on = context.getRequiredTestClass().getAnnotation(TestOn.class);
        Objects.requireNonNull(on, "a class using DatabaseFixture needs @TestOn");
        dialect = on.value();
        skipReason = unreachableReason(dialect, context.getRequiredTestClass().getSimpleName());
        if (skipReason != null) {
            return;
        }
        prefix = randomPrefix();
        dataSource = pool(dialect, 8, config -> { });
        SchemaInstaller.install(dataSource, JdbcSettings.defaults().withTablePrefix(prefix));
        stores = JdbcStores.create(dataSource, settings());
    }

    /** Skips each test of a class whose database is unreachable, so the reports count every one as skipped. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (skipReason != null) {
            throw new TestAbortedException(skipReason);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dataSource != null) {
            dropTables(dataSource, prefix);
            dataSource.close();
        }
    }

    /** A random prefix per test class, so concurrent builds on one server never see each other's tables. */
    static String randomPrefix() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "gh" + HexFormat.of().formatHex(bytes) + "_";
    }

    Dialect dialect() {
        return dialect;
    }

    String prefix() {
        return prefix;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    JdbcSettings settings() {
        return JdbcSettings.defaults().withTablePrefix(prefix);
    }

    /** The stores, shared by the class's tests. */
    JdbcStores stores() {
        return stores;
    }

    /** Empties every table and returns the stores, for a test that needs a fresh, empty store. */
    JdbcStores freshStores() {
        deleteAllRows(dataSource, prefix);
        return stores;
    }

    /** Stores on a Jdbi the test may configure (a counting SQL logger, for instance). */
    JdbcStores storesOn(Jdbi jdbi) {
        return JdbcStores.create(jdbi, settings().withDialect(dialect));
    }

    /** Stores a user row for tests that need a real user id, and returns the id. */
    long newUser(String name) {
        return stores.users().create(UserBuilder.create(name, name + "@example.com", "!unusable", JOINED).build()).id();
    }

    /** A pool on the database; {@code tune} may change the defaults (8 connections, 10 s timeout). */
    static HikariDataSource pool(Dialect dialect, int size, Consumer<HikariConfig> tune) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(dialect));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setPoolName("gatehouse-test-" + dialect.folder() + "-" + ThreadLocalRandom.current().nextInt(1_000_000));
        tune.accept(config);
        return new HikariDataSource(config);
    }

    static String url(Dialect dialect) {
        return switch (dialect) {
            case H2 -> "jdbc:h2:mem:" + randomPrefix() + "db;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
            case POSTGRESQL -> env("GATEHOUSE_TEST_POSTGRESQL_URL",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3");
            case MARIADB -> env("GATEHOUSE_TEST_MARIADB_URL",
                    "jdbc:mariadb://127.0.0.1:3306/test?user=root&connectTimeout=3000");
        };
    }

    static String displayName(Dialect dialect) {
        return switch (dialect) {
            case H2 -> "H2";
            case POSTGRESQL -> "PostgreSQL";
            case MARIADB -> "MariaDB";
        };
    }

    /**
     * Why a test cannot run on its database, or {@code null} when it can. An unreachable server is announced on
     * stderr, and is a failure instead when {@code GATEHOUSE_REQUIRE_DBS=true} (as in CI); never silent.
     */
    static String unreachableReason(Dialect dialect, String who) {
        if (dialect == Dialect.H2) {
            return null;
        }
        CHECKED.computeIfAbsent(dialect, d -> {
            try (Connection c = DriverManager.getConnection(url(d))) {
                c.isValid(3);
            } catch (SQLException e) {
                UNREACHABLE.put(d, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return true;
        });
        String why = UNREACHABLE.get(dialect);
        if (why == null) {
            return null;
        }
        String message = displayName(dialect) + " at " + url(dialect).replaceAll("\\?.*", "") + " is unreachable ("
                + why + "), so " + who + " does not run on it.";
        if ("true".equalsIgnoreCase(System.getenv("GATEHOUSE_REQUIRE_DBS"))) {
            throw new IllegalStateException(message + " GATEHOUSE_REQUIRE_DBS=true makes this a failure.");
        }
        System.err.println("SKIPPED: " + message + " Set GATEHOUSE_REQUIRE_DBS=true to make this a failure.");
        return message;
    }

    static void deleteAllRows(javax.sql.DataSource dataSource, String prefix) {
        List<String> statements = new java.util.ArrayList<>(TABLES.stream().map(t -> "DELETE FROM " + prefix + t)
                .toList());
        // The grants went by plain SQL: raise the epoch, as the schema asks, so no node reuses what it read.
        statements.add("UPDATE " + prefix + "permission_epoch SET epoch = epoch + 1 WHERE id = 1");
        execute(dataSource, statements, false);
    }

    static void dropTables(javax.sql.DataSource dataSource, String prefix) {
        List<String> drops = new java.util.ArrayList<>(TABLES.stream().map(t -> "DROP TABLE IF EXISTS " + prefix + t)
                .toList());
        drops.add("DROP TABLE IF EXISTS " + prefix + "permission_epoch");
        drops.add("DROP TABLE IF EXISTS " + prefix + "schema_version");
        execute(dataSource, drops, true);
    }

    private static void execute(javax.sql.DataSource dataSource, List<String> statements, boolean ignoreErrors) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    if (!ignoreErrors) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clean the test tables: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
