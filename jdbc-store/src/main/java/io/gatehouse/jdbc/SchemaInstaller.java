package io.gatehouse.jdbc;

import io.gatehouse.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the Gatehouse tables for applications without a migration tool. It applies the
 * versioned scripts {@code db/gatehouse/<dialect>/V<n>__<what>.sql} that are not yet recorded in the table
 * {@code <prefix>schema_version}, in order, and records each. Applications that use Flyway or Liquibase run
 * the same scripts instead, with the placeholder {@code ${gatehouse_prefix}} set to the table prefix.
 *
 * <pre>{@code
 * SchemaInstaller.install(dataSource);                  // tables gatehouse_user, gatehouse_session, ...
 * SchemaInstaller.install(dataSource, "auth_");         // tables auth_user, auth_session, ...
 * }</pre>
 *
 * <p>Safe to run on every start, and from several nodes at once: the installer holds a lock while it reads and
 * applies versions (PostgreSQL: an advisory lock; MariaDB: {@code GET_LOCK}; H2: a lease row guarded by the version
 * table's primary key, because H2 commits on every DDL statement). On PostgreSQL each version
 * is applied in one transaction; MariaDB and H2 commit DDL statement by statement, so a version interrupted
 * half-way there must be finished by hand.
 */
public final class SchemaInstaller {
    /** The placeholder for the table prefix in the scripts. */
    public static final String PREFIX_PLACEHOLDER = "${gatehouse_prefix}";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaInstaller.class);
    private static final List<String> SCRIPTS = List.of("V1__create_tables.sql", "V2__permission_epoch.sql");
    private static final int LOCK_WAIT_SECONDS = 60;
    private static final long STALE_LEASE_MILLIS = 10 * 60 * 1000L;

    private SchemaInstaller() {
    }

    /**
     * Installs or upgrades the tables with the default prefix {@value JdbcSettings#DEFAULT_PREFIX}.
     *
     * @param dataSource the database
     * @return the versions applied now, empty when the schema was up to date
     * @throws StoreException when the database fails or the lock cannot be had within a minute
     */
    public static List<Integer> install(DataSource dataSource) {
        return install(dataSource, JdbcSettings.defaults());
    }

    /**
     * Installs or upgrades the tables with a table prefix.
     *
     * @param dataSource the database
     * @param tablePrefix e.g. {@code auth_}; see {@link JdbcSettings}
     * @return the versions applied now
     * @throws IllegalArgumentException naming {@code tablePrefix} when it is malformed
     */
    public static List<Integer> install(DataSource dataSource, String tablePrefix) {
        return install(dataSource, JdbcSettings.defaults().withTablePrefix(tablePrefix));
    }

    /**
     * Installs or upgrades the tables as the settings say.
     *
     * @param dataSource the database
     * @param settings the table prefix and, optionally, the dialect
     * @return the versions applied now
     */
    public static List<Integer> install(DataSource dataSource, JdbcSettings settings) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(settings, "settings");
        Jdbi jdbi = JdbcStores.jdbiOf(dataSource);
        String prefix = settings.tablePrefix();
        Dialect dialect = settings.dialect().orElseGet(() -> JdbcStores.detect(jdbi, prefix));
        try {
            return jdbi.withHandle(handle -> switch (dialect) {
                case POSTGRESQL -> withAdvisoryLock(handle, prefix, () -> apply(handle, dialect, prefix));
                case MARIADB -> withNamedLock(handle, prefix, () -> apply(handle, dialect, prefix));
                case H2 -> withLeaseRow(handle, prefix, () -> apply(handle, dialect, prefix));
            });
        } catch (JdbiException e) {
            throw StoreErrors.translate(e, "installing the Gatehouse schema", prefix);
        }
    }

    /**
     * The newest schema version this library knows.
     *
     * @return the version
     */
    public static int latestVersion() {
        return SCRIPTS.size();
    }

    /**
     * The statements of one version's script for a dialect and prefix, as the installer runs them.
     *
     * @param dialect the dialect
     * @param version from 1 to {@link #latestVersion()}
     * @param tablePrefix the table prefix
     * @return the statements, without comments or terminators
     */
    public static List<String> statements(Dialect dialect, int version, String tablePrefix) {
        Objects.requireNonNull(dialect, "dialect");
        JdbcSettings.checkPrefix(tablePrefix);
        if (version < 1 || version > SCRIPTS.size()) {
            throw new IllegalArgumentException("version must be from 1 to " + SCRIPTS.size() + ", was " + version + ".");
        }
        String script = read("db/gatehouse/" + dialect.folder() + "/" + SCRIPTS.get(version - 1));
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.toString().replace(PREFIX_PLACEHOLDER, tablePrefix).split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static void createVersionTable(Handle handle, String prefix) {
        handle.execute("CREATE TABLE IF NOT EXISTS " + prefix + "schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                + "script VARCHAR(200) NOT NULL, installed_at BIGINT NOT NULL)");
    }

    private static List<Integer> apply(Handle handle, Dialect dialect, String prefix) {
        String versionTable = prefix + "schema_version";
        if (dialect != Dialect.H2) {
            createVersionTable(handle, prefix);
        }
        Set<Integer> done = new TreeSet<>(handle.createQuery("SELECT version FROM " + versionTable + " WHERE version > 0")
                .mapTo(Integer.class).list());
        List<Integer> applied = new ArrayList<>();
        for (int version = 1; version <= SCRIPTS.size(); version++) {
            if (done.contains(version)) {
                continue;
            }
            int v = version;
            Runnable migrate = () -> {
                for (String statement : statements(dialect, v, prefix)) {
                    handle.execute(statement);
                }
                handle.execute("INSERT INTO " + versionTable + " (version, script, installed_at) VALUES (?, ?, ?)",
                        v, SCRIPTS.get(v - 1), System.currentTimeMillis());
            };
            if (dialect == Dialect.POSTGRESQL) {
                handle.useTransaction(h -> migrate.run());
            } else {
                migrate.run();
            }
            LOG.info("Applied Gatehouse schema version {} ({}) with table prefix {}.", v, SCRIPTS.get(v - 1), prefix);
            applied.add(v);
        }
        return List.copyOf(applied);
    }

    private static List<Integer> withAdvisoryLock(Handle handle, String prefix, LockedWork work) {
        long key = lockKey(prefix);
        handle.execute("SELECT pg_advisory_lock(?)", key);
        try {
            return work.run();
        } finally {
            handle.execute("SELECT pg_advisory_unlock(?)", key);
        }
    }

    private static List<Integer> withNamedLock(Handle handle, String prefix, LockedWork work) {
        String name = "gatehouse_schema_" + prefix;
        Integer got = handle.createQuery("SELECT GET_LOCK(?, ?)").bind(0, name).bind(1, LOCK_WAIT_SECONDS)
                .mapTo(Integer.class).one();
        if (got == null || got != 1) {
            throw new StoreException("Another node held the Gatehouse schema lock " + name + " for more than "
                    + LOCK_WAIT_SECONDS + " seconds; try again once its installer has finished.", true, null, null);
        }
        try {
            return work.run();
        } finally {
            handle.createQuery("SELECT RELEASE_LOCK(?)").bind(0, name).mapTo(Integer.class).one();
        }
    }

    /**
     * H2 commits the transaction on every DDL statement, which would release a row or table lock taken on the
     * same connection. The lock is therefore a lease row ({@code version = -1}) in the version table: its primary
     * key lets one installer insert it, the others wait for it to be deleted, and a lease left by an installer
     * that died is taken over after {@link #STALE_LEASE_MILLIS}. One connection suffices, so a pool of one works.
     */
    private static List<Integer> withLeaseRow(Handle handle, String prefix, LockedWork work) {
        String versionTable = prefix + "schema_version";
        createVersionTable(handle, prefix);
        long deadline = System.currentTimeMillis() + LOCK_WAIT_SECONDS * 1000L;
        while (true) {
            long now = System.currentTimeMillis();
            try {
                handle.execute("INSERT INTO " + versionTable + " (version, script, installed_at) VALUES (-1, "
                        + "'installer lease', ?)", now);
                break;
            } catch (JdbiException e) {
                if (!StoreErrors.isConstraintViolation(e)) {
                    throw e;
                }
            }
            handle.execute("DELETE FROM " + versionTable + " WHERE version = -1 AND installed_at < ?",
                    now - STALE_LEASE_MILLIS);
            if (now > deadline) {
                throw new StoreException("Another installer held the Gatehouse schema lease in " + versionTable
                        + " for more than " + LOCK_WAIT_SECONDS + " seconds; try again once it has finished.", true,
                        null, null);
            }
            pause();
        }
        try {
            return work.run();
        } finally {
            handle.execute("DELETE FROM " + versionTable + " WHERE version = -1");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the Gatehouse schema lease.", true, null, e);
        }
    }

    /** A stable 64-bit advisory-lock key per prefix. */
    private static long lockKey(String prefix) {
        CRC32 crc = new CRC32();
        crc.update(("gatehouse_schema_" + prefix).getBytes(StandardCharsets.UTF_8));
        return 0x6761746568000000L ^ crc.getValue();
    }

    private static String read(String resource) {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The schema script " + resource + " is missing from the classpath; "
                        + "is gatehouse-jdbc-store's jar complete?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the schema script " + resource + ".", e);
        }
    }

    /** Work done while holding the schema lock. */
    @FunctionalInterface
    private interface LockedWork {
        List<Integer> run();
    }
}
