package io.gatehouse.examples.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the tool asks its questions: the real terminal when there is one ({@link System#console()}), with
 * passwords typed hidden; otherwise standard input, with a warning that passwords are not hidden there. Tests
 * supply a scripted one.
 */
interface Terminal {
    /**
     * Asks a question whose answer may be seen.
     *
     * @param prompt the question, e.g. {@code "Username: "}
     * @return the answer without its line end, or {@code null} at end of input
     */
    @Nullable String readLine(String prompt);

    /**
     * Asks for a password without echoing it where the terminal allows that.
     *
     * @param prompt the question, e.g. {@code "Password: "}
     * @return the characters typed, which the caller wipes after use, or {@code null} at end of input
     */
    char @Nullable [] readPassword(String prompt);

    /**
     * The real terminal.
     *
     * @param console the process's console
     * @return a terminal that hides passwords
     */
    static Terminal of(Console console) {
        Objects.requireNonNull(console, "console");
        return new Terminal() {
            @Override
            public @Nullable String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public char @Nullable [] readPassword(String prompt) {
                return console.readPassword("%s", prompt);
            }
        };
    }

    /**
     * The fall-back when no console is attached (input piped, or a launcher that hides the terminal): questions
     * go to standard error, answers come from standard input, and the first password question warns that what
     * is typed is not hidden.
     *
     * @param stdin standard input
     * @param err standard error, for the questions and the warning
     * @return the fall-back terminal
     */
    static Terminal fromStreams(BufferedReader stdin, PrintWriter err) {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(err, "err");
        return new Terminal() {
            private boolean warned;

            @Override
            public @Nullable String readLine(String prompt) {
                err.print(prompt);
                err.flush();
                try {
                    return stdin.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read standard input.", e);
                }
            }

            @Override
            public char @Nullable [] readPassword(String prompt) {
                if (!warned) {
                    warned = true;
                    err.println("Warning: no terminal is attached, so the password is read from standard input and "
                            + "is not hidden while typed. Scripts should use --password-stdin.");
                }
                err.print(prompt);
                err.flush();
                return StdinLines.readLine(stdin);
            }
        };
    }
}
