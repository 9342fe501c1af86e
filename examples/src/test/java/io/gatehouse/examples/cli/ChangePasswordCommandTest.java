package io.gatehouse.examples.cli;

import static io.gatehouse.examples.cli.TestCli.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.permission.Subject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code changepassword}: sets the password, ends every session, refuses bad input. */
class ChangePasswordCommandTest {
    static final String NEW_PASSWORD = "Fresh-staple-5c2d-lamp";

    @TempDir
    Path dir;

    private TestCli cli;

    @BeforeEach
    void superuser() {
        cli = new TestCli(dir).migrated().withSuperuser("admin", "admin@example.com");
    }

    private String login(String password) {
        LoginResult result = cli.withGatehouse(g -> g.authenticator().login(LoginRequest.of("admin", password)));
        assertThat(result).isInstanceOf(LoginResult.Success.class);
        return ((LoginResult.Success) result).session().id();
    }

    private boolean loggedIn(String sessionId) {
        Subject subject = cli.withGatehouse(g -> g.subject(sessionId));
        return subject.isAuthenticated();
    }

    private boolean canLogIn(String password) {
        return cli.withGatehouse(g -> g.authenticator().login(LoginRequest.of("admin", password))).isSuccess();
    }

    @Test
    void passwordStdinChangesThePasswordAndEndsEverySession() {
        String laptop = login(PASSWORD);
        String phone = login(PASSWORD);
        assertThat(loggedIn(laptop)).isTrue();

        TestCli.Result result = cli.runWithStdin(NEW_PASSWORD + "\n", "changepassword", "admin", "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Password changed for user 'admin'; 2 sessions ended.\n");
        assertThat(loggedIn(laptop)).isFalse();
        assertThat(loggedIn(phone)).isFalse();
        assertThat(canLogIn(NEW_PASSWORD)).isTrue();
        assertThat(canLogIn(PASSWORD)).isFalse();
        assertThat(result.all()).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void theUserMayBeNamedByEmailAddress() {
        TestCli.Result result = cli.runWithStdin(NEW_PASSWORD + "\n", "changepassword", "admin@example.com",
                "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Password changed for user 'admin'; 0 sessions ended.");
        assertThat(canLogIn(NEW_PASSWORD)).isTrue();
    }

    @Test
    void interactivePromptAsksHiddenTwiceAndLoopsOnMismatchAndPolicy() {
        String session = login(PASSWORD);
        ScriptedTerminal terminal = new ScriptedTerminal()
                .password(NEW_PASSWORD).password("something else")
                .password("admin1234").password("admin1234")
                .password(NEW_PASSWORD).password(NEW_PASSWORD);

        TestCli.Result result = cli.terminal(terminal).run("changepassword", "admin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(terminal.prompts()).containsOnly("[hidden] Password: ", "[hidden] Password (again): ").hasSize(6);
        assertThat(result.err()).contains("Changing password for user 'admin'", "Error: Your passwords didn't match.",
                "Choose another password.");
        assertThat(result.out()).contains("1 session ended.");
        assertThat(loggedIn(session)).isFalse();
        assertThat(canLogIn(NEW_PASSWORD)).isTrue();
    }

    @Test
    void unknownUserIsAUsageErrorNamingTheArgument() {
        TestCli.Result result = cli.runWithStdin(NEW_PASSWORD + "\n", "changepassword", "nobody", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No user 'nobody' in the database at jdbc:h2:file:", "USER argument");
    }

    @Test
    void weakPasswordIsAUsageErrorAndThePasswordAndSessionsStay() {
        String session = login(PASSWORD);

        TestCli.Result result = cli.runWithStdin("admin\n", "changepassword", "admin", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The password breaks the password policy:", "too short");
        assertThat(loggedIn(session)).isTrue();
        assertThat(canLogIn(PASSWORD)).isTrue();
    }

    @Test
    void missingUserArgumentIsAUsageError() {
        TestCli.Result result = cli.run("changepassword");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'USER'");
    }

    @Test
    void noInputWithoutPasswordStdinIsAUsageError() {
        TestCli.Result result = cli.run("changepassword", "admin", "--no-input");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("With --no-input, the new password must come from --password-stdin.");
    }
}
