package io.gatehouse.examples.cli;

import io.gatehouse.Gatehouse;
import io.gatehouse.InvalidInputException;
import io.gatehouse.password.validation.PasswordContext;
import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.user.EmailAddress;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import io.gatehouse.user.Username;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse createsuperuser}: an active, verified user with the staff and superuser flags. Asks for what
 * the options and the environment do not give; the password is typed twice, hidden, and asked again while the
 * password policy objects.
 */
@Command(name = "createsuperuser", mixinStandardHelpOptions = true,
        description = {
            "Creates a superuser (active, verified, staff, superuser).",
            "Asks for the username, email and password (hidden, twice) unless given.",
            "For scripts, pass the password on standard input:",
            "  printf '%%s\\n' \"$PW\" | gatehouse createsuperuser \\",
            "      --username admin --email admin@example.com --password-stdin",
            "or set GATEHOUSE_SUPERUSER_USERNAME, GATEHOUSE_SUPERUSER_EMAIL and",
            "GATEHOUSE_SUPERUSER_PASSWORD and pass --no-input."
        })
final class CreateSuperuserCommand implements Callable<Integer> {
    static final String USERNAME_ENV = "GATEHOUSE_SUPERUSER_USERNAME";
    static final String EMAIL_ENV = "GATEHOUSE_SUPERUSER_EMAIL";
    static final String PASSWORD_ENV = "GATEHOUSE_SUPERUSER_PASSWORD";

    @ParentCommand
    private GatehouseCli cli;

    @Option(names = "--username", paramLabel = "NAME", description = "The username (else $" + USERNAME_ENV
            + ", else asked).")
    private @Nullable String username;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "The email address (else $" + EMAIL_ENV
            + ", else asked).")
    private @Nullable String email;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input "
            + "(else $" + PASSWORD_ENV + ", else asked, hidden).")
    private boolean passwordStdin;

    @Option(names = "--no-input", description = "Never ask: fail, naming what is missing.")
    private boolean noInput;

    @Override
    public Integer call() {
        CliContext context = cli.context();
        if (passwordStdin && (value(username, USERNAME_ENV) == null || value(email, EMAIL_ENV) == null)) {
            throw new CliException(Exit.USAGE, "--password-stdin needs --username and --email too: standard input "
                    + "holds the password, so nothing else can be asked there.");
        }
        try (Database database = cli.openDatabase()) {
            database.requireSchema();
            Gatehouse gatehouse = database.gatehouse(cli.secretKey(), context.clock(), context.random());
            UserStore users = gatehouse.users();
            String name = choose(new Field("--username", USERNAME_ENV, "Username: ", "username",
                    Username::normalize, n -> users.findByUsername(n).isPresent(), "That username is already taken."),
                    username);
            String address = choose(new Field("--email", EMAIL_ENV, "Email address: ", "email address",
                    EmailAddress::validate, a -> users.findByEmail(a).isPresent(),
                    "A user with that email address already exists."), email);
            PasswordContext policyContext = PasswordContext.of(name, address);
            char[] password = password(gatehouse, policyContext);
            try {
                User user = gatehouse.accounts().createSuperuser(name, address, CharBuffer.wrap(password));
                context.out().println("Superuser '" + user.username() + "' created.");
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return Exit.OK;
    }

    /**
     * One value createsuperuser needs.
     *
     * @param option the option that gives it
     * @param env the environment variable that gives it
     * @param prompt the question
     * @param label its name in sentences
     * @param check validates and normalises, throwing {@link InvalidInputException} naming the field
     * @param taken whether another user has it already
     * @param takenMessage what to say when it is taken
     */
    private record Field(String option, String env, String prompt, String label, Function<String, String> check,
            Predicate<String> taken, String takenMessage) {
    }

    private @Nullable String value(@Nullable String option, String env) {
        return option != null ? option : cli.context().env(env);
    }

    /** The option's or the environment's value, checked; else asked until it is valid and free. */
    private String choose(Field field, @Nullable String option) {
        CliContext context = cli.context();
        String given = value(option, field.env());
        if (given != null) {
            String source = option != null ? field.option() : field.env();
            String value;
            try {
                value = field.check().apply(given);
            } catch (InvalidInputException e) {
                throw new CliException(Exit.USAGE, e.getMessage() + " (" + source + ")", e);
            }
            if (field.taken().test(value)) {
                throw new CliException(Exit.USAGE, field.takenMessage() + " (" + source + ")");
            }
            return value;
        }
        if (noInput) {
            throw new CliException(Exit.USAGE, "With --no-input, " + field.option() + " or $" + field.env()
                    + " is required.");
        }
        while (true) {
            String line = context.terminal().readLine(field.prompt());
            if (line == null) {
                throw new CliException(Exit.USAGE, "Input ended before the " + field.label() + " was given.");
            }
            try {
                String value = field.check().apply(line.strip());
                if (!field.taken().test(value)) {
                    return value;
                }
                context.err().println("Error: " + field.takenMessage());
            } catch (InvalidInputException e) {
                context.err().println("Error: " + e.getMessage());
            }
        }
    }

    private char[] password(Gatehouse gatehouse, PasswordContext policyContext) {
        CliContext context = cli.context();
        if (passwordStdin || context.env(PASSWORD_ENV) != null) {
            String envPassword = context.env(PASSWORD_ENV);
            char[] password = passwordStdin || envPassword == null ? PasswordInput.fromStdin(context)
                    : envPassword.toCharArray();
            List<PasswordViolation> violations = gatehouse.passwordPolicy().check(CharBuffer.wrap(password),
                    policyContext);
            if (!violations.isEmpty()) {
                Arrays.fill(password, '\0');
                throw new CliException(Exit.USAGE, PasswordInput.describe(violations) + " ("
                        + (passwordStdin ? "--password-stdin" : PASSWORD_ENV) + ")");
            }
            return password;
        }
        if (noInput) {
            throw new CliException(Exit.USAGE, "With --no-input, the password must come from --password-stdin or $"
                    + PASSWORD_ENV + ".");
        }
        return PasswordInput.promptNew(context, candidate -> PasswordInput.sentences(
                gatehouse.passwordPolicy().check(CharBuffer.wrap(candidate), policyContext)));
    }
}
