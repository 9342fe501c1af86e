package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The installer on a real database: idempotent, safe from several nodes at once, isolated by prefix. */
abstract class SchemaInstallerCases {
    private final List<String> prefixes = new ArrayList<>();

    abstract DatabaseFixture db();

    private String newPrefix() {
        String prefix = DatabaseFixture.randomPrefix();
        prefixes.add(prefix);
        return prefix;
    }

    @AfterEach
    void dropTables() {
        prefixes.forEach(p -> DatabaseFixture.dropTables(db().dataSource(), p));
    }

    @Test
    void installAppliesVersionOneOnceAndThenNothing() {
        String prefix = newPrefix();

        assertThat(SchemaInstaller.install(db().dataSource(), prefix)).containsExactly(1, 2);
        assertThat(SchemaInstaller.install(db().dataSource(), prefix)).isEmpty();

        assertThat(versions(db().dataSource(), prefix)).containsExactly(1, 2);
        for (String table : DatabaseFixture.TABLES) {
            assertThat(count(db().dataSource(), prefix + table)).as(table).isZero();
        }
    }

    @Test
    void aDatabaseAtVersionOneIsUpgradedToTwoWithItsEpochRowAndKeepsItsData() throws Exception {
        String prefix = newPrefix();
        SchemaInstaller.install(db().dataSource(), prefix);
        // Back to version 1, as a database installed before version 2 existed, with a user in it.
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + prefix + "permission_epoch");
            s.execute("DELETE FROM " + prefix + "schema_version WHERE version = 2");
        }
        JdbcStores v1 = JdbcStores.create(db().dataSource(), JdbcSettings.defaults().withTablePrefix(prefix));
        long alice = v1.users().create(io.gatehouse.user.UserBuilder.create("alice", "alice@example.com", "!unusable",
                java.time.Instant.parse("2026-01-01T00:00:00Z")).build()).id();

        assertThat(SchemaInstaller.install(db().dataSource(), prefix)).containsExactly(2);

        assertThat(versions(db().dataSource(), prefix)).containsExactly(1, 2);
        assertThat(count(db().dataSource(), prefix + "permission_epoch")).isEqualTo(1);
        assertThat(v1.users().findById(alice)).isPresent();
    }

    @Test
    void installFromTwoNodesAtOnceAppliesEachVersionExactlyOnce() throws Exception {
        String prefix = newPrefix();
        int installers = 4;
        try (HikariDataSource nodeA = DatabaseFixture.pool(db().dialect(), 2, c -> c.setJdbcUrl(db().dataSource().getJdbcUrl()));
                HikariDataSource nodeB = DatabaseFixture.pool(db().dialect(), 2, c -> c.setJdbcUrl(db().dataSource().getJdbcUrl()))) {
            ExecutorService pool = Executors.newFixedThreadPool(installers);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<Integer>>> results = new ArrayList<>();
                for (int i = 0; i < installers; i++) {
                    DataSource node = i % 2 == 0 ? nodeA : nodeB;
                    results.add(pool.submit(() -> {
                        go.await();
                        return SchemaInstaller.install(node, prefix);
                    }));
                }
                go.countDown();
                List<Integer> applied = new ArrayList<>();
                for (Future<List<Integer>> result : results) {
                    applied.addAll(result.get(120, TimeUnit.SECONDS));
                }
                assertThat(applied).containsExactly(1, 2);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(versions(db().dataSource(), prefix)).containsExactly(1, 2);
        JdbcStores stores = JdbcStores.create(db().dataSource(), JdbcSettings.defaults().withTablePrefix(prefix));
        assertThat(stores.users().findByUsername("nobody")).isEmpty();
    }

    @Test
    void twoPrefixesKeepTwoSeparateSetsOfTables() {
        String first = newPrefix();
        String second = newPrefix();
        SchemaInstaller.install(db().dataSource(), first);
        SchemaInstaller.install(db().dataSource(), second);
        JdbcStores a = JdbcStores.create(db().dataSource(), JdbcSettings.defaults().withTablePrefix(first));
        JdbcStores b = JdbcStores.create(db().dataSource(), JdbcSettings.defaults().withTablePrefix(second));

        a.throttle().recordFailure("k".repeat(64), java.time.Instant.EPOCH, java.time.Duration.ofMinutes(1));

        assertThat(a.throttle().find("k".repeat(64))).isPresent();
        assertThat(b.throttle().find("k".repeat(64))).isEmpty();
        assertThat(a.dialect()).isEqualTo(db().dialect());
    }

    static List<Integer> versions(DataSource dataSource, String prefix) {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM " + prefix + "schema_version WHERE version > 0 "
                        + "ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return versions;
    }

    static long count(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
