package io.gatehouse.examples.cli;

import io.gatehouse.examples.config.DemoSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a run of the tool works with: the settings before command-line overrides, the environment (for
 * {@code GATEHOUSE_SUPERUSER_*}), the three standard streams, the terminal, the clock and the random source.
 * {@link #system()} is the real process; tests build their own.
 */
final class CliContext {
    private final DemoSettings settings;
    private final Map<String, String> env;
    private final BufferedReader stdin;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * Creates a context.
     *
     * @param settings the settings from system properties and the environment
     * @param env the environment variables
     * @param stdin standard input, read as UTF-8
     * @param out standard output: results, and hash-password's hash
     * @param err standard error: errors, warnings, and questions when no terminal is attached
     * @param console the terminal, or {@code null} when none is attached: questions then go to {@code err} and
     *     answers come from {@code stdin}, with a warning that passwords are not hidden
     * @param clock the clock sessions are judged by
     * @param random the random source for salts, session ids and a new secret key
     */
    CliContext(DemoSettings settings, Map<String, String> env, BufferedReader stdin, PrintWriter out,
            PrintWriter err, @Nullable Terminal console, Clock clock, SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = console != null ? console : Terminal.fromStreams(stdin, err);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The real process: system properties over environment variables, {@code System.in/out/err}, the console. */
    static CliContext system() {
        Charset charset = Charset.defaultCharset();
        return new CliContext(DemoSettings.fromSystem(), System.getenv(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true),
                System.console() == null ? null : Terminal.of(System.console()), Clock.systemUTC(), new SecureRandom());
    }

    DemoSettings settings() {
        return settings;
    }

    /** An environment variable, or {@code null} when it is unset or empty. */
    @Nullable String env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    BufferedReader stdin() {
        return stdin;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Where questions are asked: the attached terminal, else the standard streams. */
    Terminal terminal() {
        return terminal;
    }

    Clock clock() {
        return clock;
    }

    SecureRandom random() {
        return random;
    }
}
