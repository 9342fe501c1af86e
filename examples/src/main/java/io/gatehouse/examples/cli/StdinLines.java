package io.gatehouse.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads one line of secret input into a {@code char[]} the caller can wipe, rather than an immutable
 * {@code String} that lingers on the heap until collected.
 */
final class StdinLines {
    /** Longer than any password Gatehouse hashes (4096 characters); a longer line is refused, not truncated. */
    static final int MAX_LENGTH = 8192;

    private StdinLines() {
    }

    /**
     * Reads up to the next {@code \n} (a {@code \r} before it is dropped).
     *
     * @param in the input
     * @return the line without its end, or {@code null} when the input ended before any character
     * @throws CliException when the line is longer than {@link #MAX_LENGTH}
     */
    static char @Nullable [] readLine(Reader in) {
        char[] buffer = new char[64];
        int length = 0;
        try {
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (length == MAX_LENGTH) {
                    Arrays.fill(buffer, '\0');
                    throw new CliException(Exit.USAGE, "The line on standard input is longer than " + MAX_LENGTH
                            + " characters; a password must be shorter.");
                }
                if (length == buffer.length) {
                    char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
                buffer[length++] = (char) c;
            }
            if (c == -1 && length == 0) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read standard input.", e);
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return line;
    }
}
