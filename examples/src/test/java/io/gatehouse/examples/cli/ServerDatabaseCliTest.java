package io.gatehouse.examples.cli;

import static io.gatehouse.examples.cli.TestCli.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tool on PostgreSQL and MariaDB (127.0.0.1:5432 and :3306, or {@code GATEHOUSE_TEST_POSTGRESQL_URL} /
 * {@code GATEHOUSE_TEST_MARIADB_URL}), each run in a database of its own that is dropped afterwards. An unreachable
 * server skips the run with a message, or fails it when {@code GATEHOUSE_REQUIRE_DBS=true}.
 */
class ServerDatabaseCliTest {
    @TempDir
    Path dir;

    private static String adminUrl(String dialect) {
        String override = System.getenv(dialect.equals("postgresql") ? "GATEHOUSE_TEST_POSTGRESQL_URL"
                : "GATEHOUSE_TEST_MARIADB_URL");
        if (override != null && !override.isBlank()) {
            return override;
        }
        return dialect.equals("postgresql") ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3"
                : "jdbc:mariadb://127.0.0.1:3306/test?user=root&connectTimeout=3000";
    }

    /** The admin URL with another database name. */
    private static String urlOf(String adminUrl, String database) {
        return adminUrl.replaceFirst("(jdbc:[a-z]+://[^/]+/)[^?;]*", "$1" + database);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void assumeReachable(String dialect, String url) {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.isValid(3);
        } catch (SQLException e) {
            String message = dialect + " at " + url.replaceAll("\\?.*", "") + " is unreachable (" + e.getMessage()
                    + "), so the command-line tool is not tested on it.";
            if ("true".equalsIgnoreCase(System.getenv("GATEHOUSE_REQUIRE_DBS"))) {
                throw new IllegalStateException(message + " GATEHOUSE_REQUIRE_DBS=true makes this a failure.", e);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"postgresql", "mariadb"})
    void everyDatabaseCommandWorksOnAServerDatabase(String dialect) throws SQLException {
        String admin = adminUrl(dialect);
        assumeReachable(dialect, admin);
        String database = "gh_cli_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        execute(admin, "CREATE DATABASE " + database);
        try {
            TestCli cli = new TestCli(dir).env("GATEHOUSE_DB_URL", urlOf(admin, database));

            TestCli.Result missing = cli.run("clearsessions");
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(6);
            assertThat(missing.err()).contains("The Gatehouse schema is not installed");

            assertThat(cli.run("migrate").out()).contains("Applied schema versions 1, 2");
            assertThat(cli.run("migrate").out()).contains("up to date");

            TestCli.Result created = cli.runWithStdin(PASSWORD + "\n", "createsuperuser", "--username", "admin",
                    "--email", "admin@example.com", "--password-stdin");
            assertThat(created.exitCode()).as(created.toString()).isZero();

            TestCli.Result changed = cli.runWithStdin("Fresh-staple-5c2d-lamp\n", "changepassword", "admin",
                    "--password-stdin");
            assertThat(changed.exitCode()).as(changed.toString()).isZero();

            TestCli.Result cleared = cli.run("clearsessions");
            assertThat(cleared.out()).isEqualTo("Removed 0 expired sessions.\n");
        } finally {
            execute(admin, "DROP DATABASE " + database);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"postgresql", "mariadb"})
    void aDatabaseThatDoesNotExistIsAConfigurationError(String dialect) {
        String admin = adminUrl(dialect);
        assumeReachable(dialect, admin);

        TestCli.Result result = new TestCli(dir).run("migrate", "--db-url", urlOf(admin, "gh_cli_no_such_db"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("does not exist", "gh_cli_no_such_db", "Create it, or fix the URL.");
    }
}
