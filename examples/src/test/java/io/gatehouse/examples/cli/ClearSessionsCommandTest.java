package io.gatehouse.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.testing.MutableClock;
import io.gatehouse.user.User;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearsessions}: removes sessions past their absolute expiry and says how many. */
class ClearSessionsCommandTest {
    @TempDir
    Path dir;

    /** Starts one session for the admin at each instant; default settings give each 14 days. */
    private static void sessionsStartedAt(TestCli cli, Instant... starts) {
        MutableClock then = MutableClock.at(starts[0]);
        cli.withGatehouse(then, g -> {
            User admin = g.users().findByUsername("admin").orElseThrow();
            for (Instant start : starts) {
                then.set(start);
                g.sessions().start(admin, true, null);
            }
            return null;
        });
    }

    private static int liveSessions(TestCli cli) {
        return cli.withGatehouse(g -> g.sessions().sessionsOf(g.users().findByUsername("admin").orElseThrow().id())
                .size());
    }

    @Test
    void removesExactlyTheSessionsAtOrPastTheirExpiryAndCountsThem() {
        TestCli cli = new TestCli(dir).migrated().withSuperuser("admin", "admin@example.com");
        Instant now = cli.clock().instant();
        sessionsStartedAt(cli,
                now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(15)),
                now.minus(Duration.ofDays(14)),                     // expires exactly now
                now.minus(Duration.ofDays(14)).plusMillis(1),       // one millisecond to go
                now.minus(Duration.ofHours(1)));
        TestCli.Result first = cli.run("clearsessions");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("Removed 3 expired sessions.\n");
        assertThat(liveSessions(cli)).isEqualTo(2);

        TestCli.Result again = cli.run("clearsessions");
        assertThat(again.out()).isEqualTo("Removed 0 expired sessions.\n");

        cli.clock().advance(Duration.ofMillis(1));
        TestCli.Result later = cli.run("clearsessions");
        assertThat(later.out()).isEqualTo("Removed 1 expired session.\n");
        assertThat(liveSessions(cli)).isEqualTo(1);
    }

    @Test
    void anEmptySessionTableRemovesNothing() {
        TestCli.Result result = new TestCli(dir).migrated().run("clearsessions");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Removed 0 expired sessions.\n");
    }
}
