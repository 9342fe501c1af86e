package io.gatehouse.examples.cli;

import org.jspecify.annotations.Nullable;

/**
 * Ends a command with a message for the person at the terminal and an exit status from {@link Exit}. The message
 * says what failed and how to fix it; it never holds a password or a hash.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    CliException(int exitCode, String message, @Nullable Throwable cause) {
        super(message, cause, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
