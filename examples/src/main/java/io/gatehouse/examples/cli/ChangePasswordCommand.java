package io.gatehouse.examples.cli;

import io.gatehouse.Gatehouse;
import io.gatehouse.password.validation.PasswordContext;
import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.user.User;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse changepassword USER}: sets a user's password without the old one, and ends every session of the
 * user (Django's {@code changepassword}).
 */
@Command(name = "changepassword", mixinStandardHelpOptions = true,
        description = {
            "Sets a user's password and logs the user out everywhere.",
            "Asks for the new password (hidden, twice) unless --password-stdin is given."
        })
final class ChangePasswordCommand implements Callable<Integer> {
    @ParentCommand
    private GatehouseCli cli;

    @Parameters(index = "0", paramLabel = "USER", description = "The username, or the email address.")
    private String login = "";

    @Option(names = "--password-stdin", description = "Read the new password from the first line of standard input.")
    private boolean passwordStdin;

    @Option(names = "--no-input", description = "Never ask: fail unless --password-stdin is given.")
    private boolean noInput;

    @Override
    public Integer call() {
        CliContext context = cli.context();
        try (Database database = cli.openDatabase()) {
            database.requireSchema();
            Gatehouse gatehouse = database.gatehouse(cli.secretKey(), context.clock(), context.random());
            User user = gatehouse.users().findByLogin(login).orElseThrow(() -> new CliException(Exit.USAGE,
                    "No user '" + login + "' in the database at " + database.shownUrl()
                            + ". Check the USER argument (a username, or an email address)."));
            PasswordContext policyContext = PasswordContext.of(user.username(), user.email(), user.firstName(),
                    user.lastName());
            char[] password = newPassword(gatehouse, user, policyContext);
            try {
                int sessions = gatehouse.sessions().sessionsOf(user.id()).size();
                gatehouse.accounts().setPassword(user.id(), CharBuffer.wrap(password));
                context.out().println("Password changed for user '" + user.username() + "'; " + sessions
                        + (sessions == 1 ? " session" : " sessions") + " ended.");
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return Exit.OK;
    }

    private char[] newPassword(Gatehouse gatehouse, User user, PasswordContext policyContext) {
        CliContext context = cli.context();
        if (passwordStdin) {
            char[] password = PasswordInput.fromStdin(context);
            List<PasswordViolation> violations = gatehouse.passwordPolicy().check(CharBuffer.wrap(password),
                    policyContext);
            if (!violations.isEmpty()) {
                Arrays.fill(password, '\0');
                throw new CliException(Exit.USAGE, PasswordInput.describe(violations) + " (--password-stdin)");
            }
            return password;
        }
        if (noInput) {
            throw new CliException(Exit.USAGE, "With --no-input, the new password must come from --password-stdin.");
        }
        context.err().println("Changing password for user '" + user.username() + "'");
        return PasswordInput.promptNew(context, candidate -> PasswordInput.sentences(
                gatehouse.passwordPolicy().check(CharBuffer.wrap(candidate), policyContext)));
    }
}
