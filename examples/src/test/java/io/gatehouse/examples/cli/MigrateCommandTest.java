package io.gatehouse.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate}, the schema check of the other commands, and how database failures are reported. */
class MigrateCommandTest {
    @TempDir
    Path dir;

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void migrateOnAnEmptyDatabaseAppliesEveryVersionThenIsUpToDate() {
        TestCli cli = new TestCli(dir);

        TestCli.Result first = cli.run("migrate");
        TestCli.Result second = cli.run("migrate");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Applied schema versions 1, 2 to jdbc:h2:file:" + dir.resolve("gatehouse"));
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("is up to date (version 2)");
        assertThat(second.err()).isEmpty();
    }

    @Test
    void commandsThatNeedTheSchemaSayToRunMigrateWhenItIsMissing() {
        TestCli cli = new TestCli(dir);

        for (String[] args : new String[][] {
            {"createsuperuser", "--username", "admin", "--email", "admin@example.com", "--no-input"},
            {"changepassword", "admin", "--no-input"},
            {"clearsessions"}}) {
            TestCli.Result result = cli.run(args);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
            assertThat(result.err()).as(args[0]).contains("The Gatehouse schema is not installed in the database at "
                    + "jdbc:h2:file:", "Run `gatehouse migrate` first");
        }
    }

    @Test
    void aSchemaNewerThanTheToolIsExitSixForMigrateAndTheOtherCommands() throws Exception {
        TestCli cli = new TestCli(dir).migrated();
        try (Connection connection = DriverManager.getConnection(cli.settings().databaseUrl(), "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO gatehouse_schema_version (version, script, installed_at) "
                    + "VALUES (3, 'V3__from_the_future.sql', 0)");
        }

        TestCli.Result migrate = cli.run("migrate");
        TestCli.Result clear = cli.run("clearsessions");

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(6);
        assertThat(migrate.err()).contains("is at version 3, newer than this tool knows (2)");
        assertThat(clear.exitCode()).isEqualTo(6);
    }

    @Test
    void unreachableH2ServerIsExitFourNamingTheUrlAndTheFix() throws IOException {
        int port = closedPort();
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/x";

        TestCli.Result result = new TestCli(dir).run("migrate", "--db-url", url);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).startsWith("Error: Cannot connect to the database at " + url + ": ")
                .contains("Connection refused", "Is the server running? Set --db-url or GATEHOUSE_DB_URL.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unreachablePostgresqlServerIsExitFour() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/x";

        TestCli.Result result = new TestCli(dir).env("GATEHOUSE_DB_URL", url).run("clearsessions");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).contains("Cannot connect to the database at " + url, "Connection refused",
                "Set --db-url or GATEHOUSE_DB_URL.");
    }

    @Test
    void urlNoDriverAcceptsIsAConfigurationError() {
        TestCli.Result result = new TestCli(dir).run("migrate", "--db-url", "jdbc:nosuchdb://host/db");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("No JDBC driver accepts the URL jdbc:nosuchdb://host/db", "--db-url");
    }

    @Test
    void wrongDatabasePasswordIsAConfigurationErrorNamingTheSettings() {
        TestCli cli = new TestCli(dir).property("gatehouse.db.password", "Right-pw-1");
        assertThat(cli.run("migrate").exitCode()).isZero();

        TestCli.Result result = new TestCli(dir).property("gatehouse.db.password", "Wrong-pw-2").run("migrate");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("refused the login of user 'sa'", "--db-user", "--db-password",
                "GATEHOUSE_DB_PASSWORD").doesNotContain("Wrong-pw-2").doesNotContain("Right-pw-1");
    }
}
