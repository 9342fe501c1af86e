package io.gatehouse.examples.cli;

import io.gatehouse.password.validation.PasswordViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads passwords: one line of standard input, or a hidden prompt that asks twice and repeats until the two
 * agree and the password policy has no objection (Django's {@code createsuperuser} loop). The caller wipes the
 * returned array.
 */
final class PasswordInput {
    private PasswordInput() {
    }

    /**
     * The first line of standard input ({@code --password-stdin}).
     *
     * @param context the run
     * @return the password, not empty
     * @throws CliException {@link Exit#USAGE} when standard input is empty
     */
    static char[] fromStdin(CliContext context) {
        char[] line = StdinLines.readLine(context.stdin());
        if (line == null || line.length == 0) {
            throw new CliException(Exit.USAGE, "No password on standard input (--password-stdin): pipe one line, "
                    + "for example: printf '%s\\n' \"$PASSWORD\" | gatehouse ...");
        }
        return line;
    }

    /**
     * Asks once, hidden.
     *
     * @param context the run
     * @param prompt the question
     * @return the password, not empty
     * @throws CliException {@link Exit#USAGE} when input ends or the answer is empty
     */
    static char[] promptOnce(CliContext context, String prompt) {
        char[] password = context.terminal().readPassword(prompt);
        if (password == null || password.length == 0) {
            throw new CliException(Exit.USAGE, "No password was entered.");
        }
        return password;
    }

    /**
     * Asks for a new password, hidden and twice, until both agree and {@code problems} finds none.
     *
     * @param context the run
     * @param problems the password policy's objections to a candidate, as sentences; empty when it is acceptable
     * @return the password
     * @throws CliException {@link Exit#USAGE} when input ends before an acceptable password was typed
     */
    static char[] promptNew(CliContext context, Function<char[], List<String>> problems) {
        while (true) {
            char[] first = context.terminal().readPassword("Password: ");
            if (first == null) {
                throw new CliException(Exit.USAGE, "Input ended before a password was chosen.");
            }
            if (first.length == 0) {
                context.err().println("Error: Blank passwords aren't allowed.");
                continue;
            }
            char[] second = context.terminal().readPassword("Password (again): ");
            if (second == null) {
                Arrays.fill(first, '\0');
                throw new CliException(Exit.USAGE, "Input ended before the password was confirmed.");
            }
            boolean same = Arrays.equals(first, second);
            Arrays.fill(second, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                context.err().println("Error: Your passwords didn't match.");
                continue;
            }
            List<String> objections = problems.apply(first);
            if (objections.isEmpty()) {
                return first;
            }
            Arrays.fill(first, '\0');
            for (String objection : objections) {
                context.err().println("Error: " + objection);
            }
            context.err().println("Choose another password.");
        }
    }

    /**
     * The policy's objections as one message.
     *
     * @param violations the broken rules
     * @return e.g. "The password breaks the password policy: This password is too short. ..."
     */
    static String describe(List<PasswordViolation> violations) {
        StringBuilder message = new StringBuilder("The password breaks the password policy:");
        for (PasswordViolation violation : violations) {
            message.append(' ').append(violation.message(Locale.ENGLISH));
        }
        return message.toString();
    }

    /**
     * The policy's objections as sentences.
     *
     * @param violations the broken rules
     * @return one English sentence each
     */
    static List<String> sentences(List<PasswordViolation> violations) {
        return violations.stream().map(v -> v.message(Locale.ENGLISH)).toList();
    }
}
