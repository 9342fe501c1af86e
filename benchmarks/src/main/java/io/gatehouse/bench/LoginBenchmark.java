package io.gatehouse.bench;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Successful logins per second through {@link Gatehouse#authenticator()} with the in-memory stores and the default
 * hasher (bcrypt cost 11), on 1, 2 and 4 threads.
 *
 * <p>A login is one bcrypt verification plus a few store calls (throttle check, user lookup and re-read, user
 * update, new session), so it is CPU-bound: throughput should grow with the cores and stop there, and no lock
 * should serialise the hashes. Each thread logs in its own user and hands back the session it got last time, as a
 * browser does, so the session store stays the same size however long the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoginBenchmark {
    /** Enough distinct accounts for {@code -t 8}; threads beyond that share accounts. */
    static final int USERS = 8;

    static final String PASSWORD = BcryptBenchmark.PASSWORD;

    /** One application: a {@link Gatehouse} with in-memory stores and {@link #USERS} active accounts. */
    @State(Scope.Benchmark)
    public static class Site {
        // Set by setUp() before any benchmark method runs, as JMH guarantees.
        private Gatehouse gatehouse;
        private List<String> usernames;

        /** Builds the application and creates the accounts (each one bcrypt hash at the default cost). */
        @Setup
        public void setUp() {
            gatehouse = Gatehouse.builder(SecretKeyRing.generate(new SecureRandom())).build();
            List<String> names = new ArrayList<>(USERS);
            for (int i = 0; i < USERS; i++) {
                String name = "user" + i;
                gatehouse.accounts().createUser(name, name + "@example.com", PASSWORD);
                names.add(name);
            }
            usernames = List.copyOf(names);
        }

        Gatehouse gatehouse() {
            return gatehouse;
        }

        String username(int index) {
            return usernames.get(index % usernames.size());
        }
    }

    /** One browser: its account and the session cookie it holds. */
    @State(Scope.Thread)
    public static class Client {
        // Set by setUp() before any benchmark method runs, as JMH guarantees.
        private String username;
        private @Nullable String sessionId;

        /**
         * Picks this thread's account.
         *
         * @param site the application
         * @param thread which thread this is
         */
        @Setup
        public void setUp(Site site, ThreadParams thread) {
            username = site.username(thread.getThreadIndex());
        }

        String username() {
            return username;
        }

        @Nullable String sessionId() {
            return sessionId;
        }

        LoginResult.Success login(Site site) {
            LoginResult result = site.gatehouse().authenticator()
                    .login(LoginRequest.of(username, PASSWORD).replacing(sessionId));
            if (!(result instanceof LoginResult.Success success)) {
                throw new IllegalStateException("The benchmark login failed with " + result + ".");
            }
            sessionId = success.session().id();
            return success;
        }
    }

    /**
     * One thread logging in.
     *
     * @param site the application
     * @param client this thread's browser
     * @return the login's result
     */
    @Benchmark
    @Threads(1)
    public LoginResult.Success oneThread(Site site, Client client) {
        return client.login(site);
    }

    /**
     * Two threads logging in at once.
     *
     * @param site the application
     * @param client this thread's browser
     * @return the login's result
     */
    @Benchmark
    @Threads(2)
    public LoginResult.Success twoThreads(Site site, Client client) {
        return client.login(site);
    }

    /**
     * Four threads logging in at once.
     *
     * @param site the application
     * @param client this thread's browser
     * @return the login's result
     */
    @Benchmark
    @Threads(4)
    public LoginResult.Success fourThreads(Site site, Client client) {
        return client.login(site);
    }
}
