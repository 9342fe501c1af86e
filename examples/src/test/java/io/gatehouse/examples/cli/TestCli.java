package io.gatehouse.examples.cli;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.examples.config.DemoSettings;
import io.gatehouse.jdbc.JdbcStores;
import io.gatehouse.testing.MutableClock;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs the tool in this process against a data directory (the default H2 file database and secret key live
 * there), with captured standard streams, a scripted terminal or none, chosen settings and environment, and a
 * clock the test controls.
 */
final class TestCli {
    /** A password the default policy accepts, recognisable in output. */
    static final String PASSWORD = "Correct-horse-7b3e-battery";
    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private final Path dataDir;
    private final Properties properties = new Properties();
    private final Map<String, String> env = new HashMap<>();
    private final MutableClock clock = MutableClock.at(NOW);
    private @Nullable Terminal terminal;

    TestCli(Path dataDir) {
        this.dataDir = dataDir;
        properties.setProperty("gatehouse.data.dir", dataDir.toString());
    }

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** Both streams, for assertions that a secret appears in neither. */
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    TestCli property(String name, String value) {
        properties.setProperty(name, value);
        return this;
    }

    TestCli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    TestCli terminal(@Nullable Terminal value) {
        terminal = value;
        return this;
    }

    MutableClock clock() {
        return clock;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Runs with empty standard input. */
    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(DemoSettings.from(properties, env), env,
                new BufferedReader(new StringReader(stdin)), new PrintWriter(out, true), new PrintWriter(err, true),
                terminal, clock, new SecureRandom());
        int code = GatehouseCli.execute(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The settings a run would use, for opening the same database from the test. */
    DemoSettings settings() {
        return DemoSettings.from(properties, env);
    }

    /**
     * Works on the same database as the tool, as the demo would: with the same secret key and a clock of the test's
     * choosing. The database is opened without the tool's pool and closed when {@code work} returns.
     */
    <T> T withGatehouse(Clock gatehouseClock, Function<Gatehouse, T> work) {
        DemoSettings settings = settings();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(settings.databaseUrl());
        dataSource.setUser(settings.databaseUser());
        dataSource.setPassword(settings.databasePassword());
        SecretKeyRing keys = settings.secretKey(new SecureRandom());
        // One connection held open keeps the H2 database open between the stores' calls; without it, each call
        // would open the file (and start H2's mixed-mode server) again.
        Connection keepOpen = open(dataSource);
        try {
            Gatehouse gatehouse = JdbcStores.create(dataSource).configure(Gatehouse.builder(keys))
                    .clock(gatehouseClock).build();
            return work.apply(gatehouse);
        } finally {
            close(keepOpen);
        }
    }

    private static Connection open(JdbcDataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new AssertionError("Could not open the test database " + dataSource.getURL(), e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new AssertionError("Could not close the test database", e);
        }
    }

    <T> T withGatehouse(Function<Gatehouse, T> work) {
        return withGatehouse(clock, work);
    }

    /** Installs the schema, as `gatehouse migrate` does; fails the test if it does not succeed. */
    TestCli migrated() {
        Result result = run("migrate");
        if (result.exitCode() != 0) {
            throw new AssertionError("migrate failed: " + result);
        }
        return this;
    }

    /** Creates a superuser through the tool; fails the test if it does not succeed. */
    TestCli withSuperuser(String username, String email) {
        Result result = runWithStdin(PASSWORD + "\n", "createsuperuser", "--username", username, "--email", email,
                "--password-stdin");
        if (result.exitCode() != 0) {
            throw new AssertionError("createsuperuser failed: " + result);
        }
        return this;
    }
}
