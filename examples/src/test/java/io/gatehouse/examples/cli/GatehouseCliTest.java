package io.gatehouse.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool as a whole: help, usage errors, global options, exit statuses. */
class GatehouseCliTest {
    @TempDir
    Path dir;

    @Test
    void noCommandIsAUsageErrorListingTheCommands() {
        TestCli.Result result = new TestCli(dir).run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command", "createsuperuser", "changepassword", "sendtestemail",
                "clearsessions", "migrate", "hash-password", "check-password", "Usage: gatehouse");
    }

    @Test
    void helpListsEveryExitStatusAndTheSettings() {
        TestCli.Result result = new TestCli(dir).run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Exit codes:", "0    success", "1    check-password: the password does not "
                + "match", "2    usage error", "3    configuration error", "4    the database is unreachable",
                "5    the SMTP server", "6    the schema is not installed", "70   internal error",
                "--db-url", "--db-user", "--db-password", "--data-dir", "GATEHOUSE_DB_URL", "gatehouse.smtp.*");
    }

    @Test
    void everyCommandsHelpListsTheExitStatusesAndTheGlobalOptions() {
        for (String command : new String[] {"migrate", "createsuperuser", "changepassword", "clearsessions",
            "sendtestemail", "hash-password", "check-password"}) {
            TestCli.Result result = new TestCli(dir).run(command, "--help");

            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).contains("Usage: gatehouse " + command, "Exit codes:",
                    "2    usage error", "--db-url");
        }
    }

    @Test
    void helpLinesFitAnEightyColumnTerminal() {
        TestCli.Result result = new TestCli(dir).run("createsuperuser", "--help");

        assertThat(result.out().lines()).allMatch(line -> line.length() <= 80);
        assertThat(result.all()).doesNotContain("WARN");
    }

    @Test
    void unknownOptionIsAUsageErrorNamingIt() {
        TestCli.Result result = new TestCli(dir).run("migrate", "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void unknownCommandIsAUsageError() {
        TestCli.Result result = new TestCli(dir).run("runserver");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("runserver");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand(@TempDir Path other) {
        TestCli cli = new TestCli(dir);

        TestCli.Result before = cli.run("--data-dir", other.toString(), "migrate");
        TestCli.Result after = cli.run("migrate", "--data-dir", other.toString());

        assertThat(before.exitCode()).as(before.toString()).isZero();
        assertThat(before.out()).contains("Applied schema versions 1, 2", other.toString());
        assertThat(after.out()).contains("up to date", other.toString());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void dbUrlOptionOverridesTheSetting(@TempDir Path other) {
        String url = "jdbc:h2:file:" + other.resolve("elsewhere");
        TestCli.Result result = new TestCli(dir).env("GATEHOUSE_DB_URL", "jdbc:h2:tcp://127.0.0.1:1/never")
                .run("migrate", "--db-url", url, "--db-user", "sa");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(url);
    }

    @Test
    void dbPasswordOptionAsksHiddenAndIsNeverShown(@TempDir Path other) {
        String url = "jdbc:h2:file:" + other.resolve("locked");
        TestCli first = new TestCli(dir).property("gatehouse.db.user", "owner").property("gatehouse.db.password",
                "Db-secret-4411");
        assertThat(first.run("migrate", "--db-url", url).exitCode()).isZero();
        ScriptedTerminal terminal = new ScriptedTerminal().password("Db-secret-4411");

        TestCli.Result result = new TestCli(dir).terminal(terminal)
                .run("--db-url", url, "--db-user", "owner", "--db-password", "migrate");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(terminal.prompts()).containsExactly("[hidden] Database password: ");
        assertThat(result.all()).doesNotContain("Db-secret-4411");
    }

    @Test
    void malformedSecretKeySettingIsAConfigurationErrorNamingIt() {
        TestCli cli = new TestCli(dir).migrated().env("GATEHOUSE_SECRET_KEY", "c2hvcnQ=");

        TestCli.Result result = cli.run("clearsessions");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("gatehouse.secret.key is not usable", "head -c 32 /dev/urandom | base64");
    }

    @Test
    void passwordsInTheDatabaseUrlAreMaskedInEveryMessage() {
        TestCli.Result result = new TestCli(dir)
                .run("migrate", "--db-url", "jdbc:h2:tcp://127.0.0.1:1/x;USER=sa;PASSWORD=Url-secret-99");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("PASSWORD=****").doesNotContain("Url-secret-99");
    }
}
