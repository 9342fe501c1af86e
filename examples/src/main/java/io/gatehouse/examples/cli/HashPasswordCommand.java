package io.gatehouse.examples.cli;

import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.PasswordHashers;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse hash-password}: prints the encoded hash of a password, for seeding a user table or a fixture.
 * Needs no database.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {
            "Prints the encoded hash of a password (asked hidden and twice, or read with --password-stdin).",
            "The hash is as secret as the password for offline guessing: keep it out of logs and shells' history."
        })
final class HashPasswordCommand implements Callable<Integer> {
    /** PBKDF2 iterations for {@code --algorithm pbkdf2_sha256}: Django 4.2's default and OWASP's 2023 advice. */
    static final int PBKDF2_ITERATIONS = 600_000;

    /** The algorithms a hash can be written with. */
    enum Algorithm {
        /** Django's {@code bcrypt_sha256}, Gatehouse's default (cost {@value PasswordHashers#V1_BCRYPT_COST}). */
        bcrypt_sha256,
        /** Django's default format, {@value HashPasswordCommand#PBKDF2_ITERATIONS} iterations. */
        pbkdf2_sha256
    }

    @ParentCommand
    private GatehouseCli cli;

    @Option(names = "--algorithm", paramLabel = "ALGORITHM",
            description = "bcrypt_sha256 (the default hasher's) or pbkdf2_sha256 (Django's default format).")
    private @Nullable Algorithm algorithm;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    private boolean passwordStdin;

    @Override
    public Integer call() {
        CliContext context = cli.context();
        PasswordHasher hasher = algorithm == Algorithm.pbkdf2_sha256
                ? PasswordHashers.pbkdf2Sha256(PBKDF2_ITERATIONS) : PasswordHashers.defaults();
        char[] password = passwordStdin ? PasswordInput.fromStdin(context)
                : PasswordInput.promptNew(context, candidate -> List.of());
        try {
            context.out().println(hasher.encode(CharBuffer.wrap(password)));
        } catch (IllegalArgumentException e) {
            // Too long, or an unpaired surrogate; the message names the rule, never the password.
            throw new CliException(Exit.USAGE, "The password cannot be hashed: " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
        return Exit.OK;
    }
}
