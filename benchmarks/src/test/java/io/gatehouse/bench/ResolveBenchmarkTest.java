package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openjdk.jmh.infra.ThreadParams;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The request-path row's set-up on H2 with small data: 100 users with 10 sessions each, on both sides. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolveBenchmarkTest {
    private static final int USERS = 100;
    private static final int SESSIONS_PER_USER = 10;

    private final ResolveBenchmark benchmark = new ResolveBenchmark();
    private final ResolveBenchmark.Site site = new ResolveBenchmark.Site();

    @BeforeAll
    void setUp() {
        site.database = "h2";
        site.setUp(USERS, SESSIONS_PER_USER);
    }

    @AfterAll
    void tearDown() {
        site.tearDown();
    }

    static ResolveBenchmark.Cursor cursor(int threadIndex) {
        ResolveBenchmark.Cursor cursor = new ResolveBenchmark.Cursor();
        cursor.setUp(new ThreadParams(threadIndex, 1, 0, 1, 0, 1, threadIndex, 1, threadIndex, 1));
        return cursor;
    }

    private static Set<String> names(Set<Permission> permissions) {
        Set<String> names = new TreeSet<>();
        permissions.forEach(p -> names.add(p.name()));
        return names;
    }

    private static Set<String> authorities(UserDetails user) {
        Set<String> names = new TreeSet<>();
        for (GrantedAuthority authority : user.getAuthorities()) {
            names.add(authority.getAuthority());
        }
        return names;
    }

    @Test
    void gatehouseResolvesEverySessionToItsUserWithItsSixPermissions() {
        ResolveSite data = site.site();
        assertThat(data.sessions()).isEqualTo(USERS * SESSIONS_PER_USER);

        for (int i = 0; i < data.sessions(); i++) {
            Subject subject = data.gatehouse(i);
            long n = data.userOf(i);

            User user = subject.user().orElseThrow();
            assertThat(user.id()).isEqualTo(n);
            assertThat(user.username()).isEqualTo(Population.username(n));
            assertThat(names(subject.grantedPermissions())).hasSize(6).isEqualTo(ResolveSite.permissionsOf(n));
        }
    }

    @Test
    void springResolvesEverySessionToTheSameUserWithTheSameAuthorities() {
        ResolveSite data = site.site();

        for (int i = 0; i < data.sessions(); i++) {
            UserDetails user = data.spring(i);
            long n = data.userOf(i);

            assertThat(user).isNotNull();
            assertThat(user.getUsername()).isEqualTo(Population.username(n));
            assertThat(user.isEnabled()).isTrue();
            assertThat(authorities(user)).hasSize(6).isEqualTo(ResolveSite.permissionsOf(n));
        }
    }

    @Test
    void gatehouseResolvesInOneStatementWithoutATransactionAndSpringInFourAndACommit() {
        ResolveSite.StatementCounts counts = site.site().countStatements();

        assertThat(counts.gatehouseFirst()).isEqualTo(1);
        assertThat(counts.gatehouseAgain()).isEqualTo(1);
        assertThat(counts.gatehouseTransactions()).isZero();
        // findById (one SELECT in a transaction), then the user, its authorities and its group authorities.
        assertThat(counts.springExecutions()).isEqualTo(4);
        assertThat(counts.springTransactions()).isEqualTo(1);
    }

    @Test
    void benchmarkMethodsWalkDifferentSessionsAndResolveThem() {
        ResolveBenchmark.Cursor cursor = cursor(0);
        Set<Long> users = new TreeSet<>();

        for (int i = 0; i < 20; i++) {
            Subject subject = benchmark.gatehouse(site, cursor);
            assertThat(subject.isAuthenticated()).isTrue();
            users.add(subject.user().orElseThrow().id());
            assertThat(benchmark.spring(site, cursor)).isNotNull();
        }

        assertThat(users).hasSizeGreaterThan(10);
    }

    @Test
    void cursorVisitsEveryIndexOnceInACycle() {
        ResolveBenchmark.Cursor cursor = cursor(3);
        Set<Integer> seen = new TreeSet<>();

        for (int i = 0; i < 1_000; i++) {
            seen.add(cursor.next(1_000));
        }

        assertThat(seen).hasSize(1_000);
    }
}
