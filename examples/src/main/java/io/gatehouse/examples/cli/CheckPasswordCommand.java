package io.gatehouse.examples.cli;

import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.PasswordHashers;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse check-password [HASH]}: whether a password matches an encoded hash, in any format Gatehouse
 * verifies (Django's {@code pbkdf2_sha256}, {@code pbkdf2_sha1}, {@code bcrypt_sha256}, {@code bcrypt}, plain
 * {@code $2a$/$2b$/$2y$}). For checking a user table imported from Django. Needs no database.
 */
@Command(name = "check-password", mixinStandardHelpOptions = true,
        description = {
            "Checks a password against an encoded hash: exit status 0 when it matches, 1 when not.",
            "The hash comes from the HASH argument or, without it, from the first line of standard input;",
            "the password from a hidden prompt or, with --password-stdin, the next line of standard input."
        })
final class CheckPasswordCommand implements Callable<Integer> {
    @ParentCommand
    private GatehouseCli cli;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HASH",
            description = "The encoded hash, e.g. pbkdf2_sha256$260000$salt$hash (quote it: it holds $).")
    private @Nullable String encoded;

    @Option(names = "--password-stdin", description = "Read the password from standard input (after the hash, "
            + "when the hash is read there too).")
    private boolean passwordStdin;

    @Override
    public Integer call() {
        CliContext context = cli.context();
        String hash = hash(context);
        PasswordHasher hasher = PasswordHashers.defaults();
        if (!PasswordHashers.isUsable(hash)) {
            context.out().println("No password matches: the hash is an unusable-password marker (it starts with '!').");
            return Exit.MISMATCH;
        }
        if (!hasher.recognizes(hash)) {
            throw new CliException(Exit.USAGE, "The hash is not one Gatehouse can check. Expected one of "
                    + "pbkdf2_sha256$<iterations>$<salt>$<hash>, pbkdf2_sha1$..., bcrypt_sha256$$2b$..., "
                    + "bcrypt$$2b$... or a plain $2a$/$2b$/$2y$ bcrypt hash, complete and with a work factor "
                    + "Gatehouse accepts (PBKDF2 up to 10,000,000 iterations, bcrypt cost up to 20).");
        }
        char[] password = passwordStdin ? PasswordInput.fromStdin(context)
                : PasswordInput.promptOnce(context, "Password: ");
        boolean matches;
        try {
            matches = hasher.matches(CharBuffer.wrap(password), hash);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (!matches) {
            context.out().println("The password does not match.");
            return Exit.MISMATCH;
        }
        context.out().println(hasher.needsRehash(hash)
                ? "The password matches. Gatehouse re-hashes it with its default (bcrypt_sha256) at the next login."
                : "The password matches.");
        return Exit.OK;
    }

    private String hash(CliContext context) {
        String given = encoded;
        if (given == null) {
            char[] line = StdinLines.readLine(context.stdin());
            given = line == null ? "" : new String(line);
        }
        given = given.strip();
        if (given.isEmpty()) {
            throw new CliException(Exit.USAGE, "No hash given: pass it as the HASH argument, or as the first line of "
                    + "standard input.");
        }
        return given;
    }
}
