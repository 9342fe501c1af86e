package io.gatehouse.examples.cli;

import io.gatehouse.InvalidInputException;
import io.gatehouse.StoreException;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.examples.config.DemoSettings;
import io.gatehouse.mail.MailException;
import io.gatehouse.password.validation.WeakPasswordException;
import io.gatehouse.user.DuplicateUserException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The Gatehouse command-line tool, the counterpart of Django's {@code manage.py} auth commands. It reads the
 * demo's settings ({@link DemoSettings}: system properties, then {@code GATEHOUSE_*} environment variables), which
 * the global options {@code --db-url}, {@code --db-user}, {@code --db-password} and {@code --data-dir} override.
 *
 * <pre>{@code
 * mvn -q -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.gatehouse.examples.cli.GatehouseCli -Dexec.args="createsuperuser"
 * }</pre>
 *
 * <p>Every command documents its exit statuses in {@code --help}: 0 success, 1 a check failed, 2 usage error or bad
 * input, 3 configuration error, 4 database failure, 5 SMTP failure, 6 schema missing, 70 internal error.
 *
 * <p>Security note: passwords are read from a hidden prompt, from standard input ({@code --password-stdin}) or from
 * an environment variable, never from an argument that {@code ps} would show; no password or hash is printed,
 * except the hash {@code hash-password} is asked for.
 */
@Command(name = "gatehouse", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        version = "Gatehouse command-line tool 0.1.0-SNAPSHOT",
        description = "Manages a Gatehouse database: superusers, passwords, sessions, schema, mail settings.",
        subcommands = {
            MigrateCommand.class,
            CreateSuperuserCommand.class,
            ChangePasswordCommand.class,
            ClearSessionsCommand.class,
            SendTestEmailCommand.class,
            HashPasswordCommand.class,
            CheckPasswordCommand.class,
            CommandLine.HelpCommand.class,
        },
        footerHeading = "%nSettings:%n",
        footer = {
            "Read from system properties (-Dgatehouse.db.url=...) or environment variables",
            "(GATEHOUSE_DB_URL=...); the options above override them.",
            "  gatehouse.data.dir     data directory, default ./data (H2 files, secret.key)",
            "  gatehouse.db.url       JDBC URL; default the H2 database in the data directory",
            "  gatehouse.db.user      database user (sa for the default H2 database)",
            "  gatehouse.db.password  database password",
            "  gatehouse.secret.key   server secret, base64; default: data dir's secret.key",
            "  gatehouse.smtp.*       an SMTP server: host, port, security, username,",
            "                         password, from, preset (gmail, naver, ses)",
            "  gatehouse.inbox.port   without gatehouse.smtp.*, mail goes to the demo's",
            "                         inbox on 127.0.0.1 at this port (default 2525)",
        })
public final class GatehouseCli implements Runnable {
    private final CliContext context;
    private @Nullable DemoSettings resolved;

    @Spec
    private CommandSpec spec;

    @Option(names = "--db-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "JDBC URL of the database; overrides gatehouse.db.url / GATEHOUSE_DB_URL.")
    private @Nullable String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "Database user; overrides gatehouse.db.user / GATEHOUSE_DB_USER.")
    private @Nullable String dbUser;

    @Option(names = "--db-password", scope = ScopeType.INHERIT,
            description = "Ask for the database password (hidden). Scripts set GATEHOUSE_DB_PASSWORD instead.")
    private boolean askDbPassword;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (H2 database, secret.key); overrides gatehouse.data.dir.")
    private @Nullable Path dataDir;

    GatehouseCli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line, e.g. {@code createsuperuser --username admin}
     */
    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(execute(CliContext.system(), args));
    }

    /**
     * Runs the tool in this process.
     *
     * @param context the streams, settings and terminal
     * @param args the command line
     * @return the exit status, one of {@link Exit}'s
     */
    static int execute(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(new GatehouseCli(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(GatehouseCli::handle);
        listExitCodes(commandLine);
        try {
            return commandLine.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /** With no command: the usage, as a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()) + ".");
    }

    /** The run's context, for the commands. */
    CliContext context() {
        return context;
    }

    /**
     * The settings with this command line's overrides; asks for the database password once if {@code --db-password}
     * was given.
     */
    DemoSettings settings() {
        DemoSettings settings = resolved;
        if (settings != null) {
            return settings;
        }
        settings = context.settings();
        if (dataDir != null) {
            settings = settings.with("gatehouse.data.dir", dataDir.toString());
        }
        if (dbUrl != null) {
            settings = settings.with("gatehouse.db.url", dbUrl);
        }
        if (dbUser != null) {
            settings = settings.with("gatehouse.db.user", dbUser);
        }
        if (askDbPassword) {
            char[] password = context.terminal().readPassword("Database password: ");
            if (password == null) {
                throw new CliException(Exit.USAGE, "No database password was entered (--db-password).");
            }
            settings = settings.with("gatehouse.db.password", new String(password));
            Arrays.fill(password, '\0');
        }
        resolved = settings;
        return settings;
    }

    /** Opens the database of the settings. */
    Database openDatabase() {
        return Database.open(settings());
    }

    /** The server's secret key from the settings, created in the data directory the first time. */
    SecretKeyRing secretKey() {
        try {
            return settings().secretKey(context.random());
        } catch (UncheckedIOException e) {
            throw new CliException(Exit.CONFIG, e.getMessage() + " (" + e.getCause().getMessage() + ") Set --data-dir "
                    + "to a writable directory, or the key itself in gatehouse.secret.key (GATEHOUSE_SECRET_KEY).", e);
        }
    }

    private static void listExitCodes(CommandLine commandLine) {
        Map<String, String> codes = Exit.describe();
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        }
    }

    /** Turns what a command threw into a message on standard error and an exit status. */
    private static int handle(Exception failure, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        int code;
        String message;
        if (failure instanceof CliException e) {
            code = e.exitCode();
            message = e.getMessage();
        } else if (failure instanceof WeakPasswordException e) {
            code = Exit.USAGE;
            message = PasswordInput.describe(e.violations());
        } else if (failure instanceof InvalidInputException e) {
            code = e.field().startsWith("gatehouse.") || e.field().startsWith("GATEHOUSE_") ? Exit.CONFIG : Exit.USAGE;
            message = e.getMessage();
        } else if (failure instanceof DuplicateUserException e) {
            code = Exit.USAGE;
            message = e.getMessage();
        } else if (failure instanceof StoreException e) {
            code = Exit.DATABASE;
            message = e.getMessage();
        } else if (failure instanceof MailException e) {
            code = Exit.SMTP;
            message = e.getMessage();
        } else if (failure instanceof UncheckedIOException e) {
            code = Exit.CONFIG;
            message = e.getMessage() + " " + e.getCause().getMessage();
        } else {
            code = Exit.INTERNAL;
            message = "Unexpected " + failure.getClass().getName() + ": " + failure.getMessage()
                    + " This is a bug in the tool; please report it with the command you ran.";
        }
        err.println("Error: " + message);
        err.flush();
        return code;
    }

    /**
     * The tool reports every outcome itself, so the libraries' log lines (pool start-up, schema versions, SMTP
     * failures) would only repeat them; errors still show. A {@code -Dorg.slf4j.simpleLogger...} setting wins.
     */
    private static void quietLibraryLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "off");
        }
    }
}
