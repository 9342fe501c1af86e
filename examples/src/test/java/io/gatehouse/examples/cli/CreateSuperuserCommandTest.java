package io.gatehouse.examples.cli;

import static io.gatehouse.examples.cli.TestCli.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.user.User;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code createsuperuser}: options, environment, hidden prompts, the policy loop, and bad input. */
class CreateSuperuserCommandTest {
    @TempDir
    Path dir;

    private TestCli cli;

    @BeforeEach
    void migrate() {
        cli = new TestCli(dir).migrated();
    }

    private Optional<User> user(String username) {
        return cli.withGatehouse(g -> g.users().findByUsername(username));
    }

    @Test
    void optionsAndPasswordStdinCreateASuperuserWhoCanLogIn() {
        TestCli.Result result = cli.runWithStdin(PASSWORD + "\n", "createsuperuser", "--username", "admin",
                "--email", "admin@example.com", "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Superuser 'admin' created.\n");
        User admin = user("admin").orElseThrow();
        assertThat(admin.superuser()).isTrue();
        assertThat(admin.staff()).isTrue();
        assertThat(admin.active()).isTrue();
        assertThat(admin.emailVerified()).isTrue();
        assertThat(admin.email()).isEqualTo("admin@example.com");
        LoginResult login = cli.withGatehouse(g -> g.authenticator().login(LoginRequest.of("admin", PASSWORD)));
        assertThat(login.isSuccess()).isTrue();
        assertThat(result.all()).doesNotContain(PASSWORD).doesNotContain(admin.passwordHash());
    }

    @Test
    void environmentVariablesAndNoInputCreateASuperuser() {
        cli.env(CreateSuperuserCommand.USERNAME_ENV, "ops").env(CreateSuperuserCommand.EMAIL_ENV, "ops@example.com")
                .env(CreateSuperuserCommand.PASSWORD_ENV, PASSWORD);

        TestCli.Result result = cli.run("createsuperuser", "--no-input");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        LoginResult login = cli.withGatehouse(g -> g.authenticator().login(LoginRequest.of("ops@example.com",
                PASSWORD)));
        assertThat(login.isSuccess()).isTrue();
    }

    @Test
    void interactivePromptsAskThePasswordHiddenAndTwiceAndLoopUntilThePolicyIsMet() {
        ScriptedTerminal terminal = new ScriptedTerminal()
                .line("bad name!").line("admin")
                .line("not-an-address").line("admin@example.com")
                .password(PASSWORD).password(PASSWORD + "typo")
                .password("").password("short").password("short")
                .password("admin@example.com").password("admin@example.com")
                .password(PASSWORD).password(PASSWORD);

        TestCli.Result result = cli.terminal(terminal).run("createsuperuser");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(terminal.exhausted()).isTrue();
        assertThat(terminal.prompts()).containsExactly("Username: ", "Username: ", "Email address: ",
                "Email address: ", "[hidden] Password: ", "[hidden] Password (again): ", "[hidden] Password: ",
                "[hidden] Password: ", "[hidden] Password (again): ", "[hidden] Password: ",
                "[hidden] Password (again): ", "[hidden] Password: ", "[hidden] Password (again): ");
        assertThat(result.err()).contains("Error: The username may contain only letters",
                "Error: The email address", "Error: Your passwords didn't match.",
                "Error: Blank passwords aren't allowed.", "too short", "too similar", "Choose another password.");
        assertThat(result.all()).doesNotContain(PASSWORD).doesNotContain("short\n");
        assertThat(cli.withGatehouse(g -> g.authenticator().login(LoginRequest.of("admin", PASSWORD))).isSuccess())
                .isTrue();
    }

    @Test
    void interactivePromptRefusesAUsernameOrEmailAlreadyTaken() {
        cli.withSuperuser("admin", "admin@example.com");
        ScriptedTerminal terminal = new ScriptedTerminal().line("ADMIN").line("second")
                .line("Admin@Example.com").line("second@example.com").password(PASSWORD).password(PASSWORD);

        TestCli.Result result = cli.terminal(terminal).run("createsuperuser");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Error: That username is already taken.",
                "Error: A user with that email address already exists.");
        assertThat(user("second")).isPresent();
    }

    @Test
    void withoutATerminalThePasswordIsReadFromStandardInputWithAWarning() {
        TestCli.Result result = cli.terminal(null).runWithStdin(PASSWORD + "\n" + PASSWORD + "\n", "createsuperuser",
                "--username", "admin", "--email", "admin@example.com");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Warning: no terminal is attached, so the password is read from standard "
                + "input and is not hidden", "Password: ", "Password (again): ");
        assertThat(result.all()).doesNotContain(PASSWORD);
        assertThat(user("admin")).isPresent();
    }

    @Test
    void endOfInputAtAPromptIsAUsageErrorAndStoresNothing() {
        TestCli.Result result = cli.terminal(new ScriptedTerminal().line("admin")).run("createsuperuser");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Input ended before the email address was given.");
        assertThat(user("admin")).isEmpty();
    }

    @Test
    void noInputWithoutAUsernameIsAUsageErrorNamingTheOptionAndTheVariable() {
        TestCli.Result result = cli.run("createsuperuser", "--no-input", "--email", "a@example.com");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("With --no-input, --username or $GATEHOUSE_SUPERUSER_USERNAME is required.");
    }

    @Test
    void noInputWithoutAPasswordIsAUsageErrorNamingBothSources() {
        TestCli.Result result = cli.run("createsuperuser", "--no-input", "--username", "admin", "--email",
                "a@example.com");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--password-stdin", "$GATEHOUSE_SUPERUSER_PASSWORD");
        assertThat(user("admin")).isEmpty();
    }

    @Test
    void malformedEmailOptionIsAUsageErrorNamingTheFieldAndTheOption() {
        TestCli.Result result = cli.runWithStdin(PASSWORD + "\n", "createsuperuser", "--username", "admin",
                "--email", "admin-at-example.com", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: The email address").contains("(--email)");
        assertThat(user("admin")).isEmpty();
    }

    @Test
    void invalidUsernameOptionIsAUsageErrorNamingTheFieldAndTheOption() {
        TestCli.Result result = cli.runWithStdin(PASSWORD + "\n", "createsuperuser", "--username", "two words",
                "--email", "admin@example.com", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The username may contain only letters", "(--username)");
    }

    @Test
    void weakPasswordOnStandardInputIsAUsageErrorListingEveryRuleAndStoresNothing() {
        TestCli.Result result = cli.runWithStdin("1234\n", "createsuperuser", "--username", "admin", "--email",
                "admin@example.com", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The password breaks the password policy:", "too short", "too common",
                "entirely numeric", "(--password-stdin)").doesNotContain("1234");
        assertThat(user("admin")).isEmpty();
    }

    @Test
    void emptyStandardInputIsAUsageError() {
        TestCli.Result result = cli.run("createsuperuser", "--username", "admin", "--email", "admin@example.com",
                "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No password on standard input (--password-stdin)");
    }

    @Test
    void passwordStdinWithoutUsernameIsAUsageErrorBeforeAnythingIsRead() {
        TestCli.Result result = cli.runWithStdin(PASSWORD + "\n", "createsuperuser", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--password-stdin needs --username and --email too");
    }

    @Test
    void takenUsernameIsAUsageErrorAndTheExistingUserIsUnchanged() {
        cli.withSuperuser("admin", "admin@example.com");
        String before = user("admin").orElseThrow().passwordHash();

        TestCli.Result result = cli.runWithStdin("Another-pass-9931\n", "createsuperuser", "--username", "Admin",
                "--email", "other@example.com", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("That username is already taken. (--username)");
        assertThat(user("admin").orElseThrow().passwordHash()).isEqualTo(before);
    }
}
