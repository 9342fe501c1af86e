package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.Gatehouse;
import io.gatehouse.account.PasswordChange;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.permission.Group;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.PermissionStore;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances, each with its own connection pool and its own {@link Gatehouse}, on one database:
 * what one does, the other sees at once. The only thing a node keeps in memory, the permissions it read per session,
 * it reuses only while the database's permission epoch says nothing changed.
 */
abstract class TwoNodesCases {
    private static final String PASSWORD = "correct horse battery staple 42";
    private static final SecretKeyRing KEYS = SecretKeyRing.generate(new SecureRandom());

    private HikariDataSource poolA;
    private HikariDataSource poolB;
    private Gatehouse nodeA;
    private Gatehouse nodeB;

    abstract DatabaseFixture db();

    @BeforeEach
    void startTwoNodes() {
        db().freshStores();
        poolA = DatabaseFixture.pool(db().dialect(), 2, c -> c.setJdbcUrl(db().dataSource().getJdbcUrl()));
        poolB = DatabaseFixture.pool(db().dialect(), 2, c -> c.setJdbcUrl(db().dataSource().getJdbcUrl()));
        nodeA = node(poolA);
        nodeB = node(poolB);
    }

    private Gatehouse node(HikariDataSource pool) {
        return JdbcStores.create(pool, db().settings())
                .configure(Gatehouse.builder(KEYS).passwordHasher(PasswordHashers.forTesting()))
                .build();
    }

    @AfterEach
    void stopNodes() {
        poolA.close();
        poolB.close();
    }

    private String login(Gatehouse node, String login) {
        LoginResult result = node.authenticator().login(LoginRequest.of(login, PASSWORD).from("192.0.2.1"));
        assertThat(result).isInstanceOf(LoginResult.Success.class);
        return ((LoginResult.Success) result).session().id();
    }

    @Test
    void aSessionStartedOnOneNodeResolvesOnTheOtherWithItsPermissions() {
        User alice = nodeA.accounts().createUser("alice", "alice@example.com", PASSWORD);
        nodeA.permissionStore().register(Permission.defaultsFor("blog", "post"));
        nodeA.permissionStore().grantToUser(alice.id(), Permission.of("blog.change_post"));

        String cookie = login(nodeA, "alice");
        Subject onB = nodeB.subject(cookie);

        assertThat(onB.user()).get().extracting(User::id).isEqualTo(alice.id());
        assertThat(onB.hasPerm("blog.change_post")).isTrue();
        assertThat(onB.hasPerm("blog.delete_post")).isFalse();
    }

    @Test
    void everyChangeOfGrantsOnOneNodeIsSeenByTheOthersNextRequest() {
        User alice = nodeA.accounts().createUser("alice", "alice@example.com", PASSWORD);
        PermissionStore onA = nodeA.permissionStore();
        onA.register(Permission.defaultsFor("blog", "post"));
        String cookie = login(nodeA, "alice");
        String perm = "blog.change_post";
        Permission change = Permission.of(perm);
        assertThat(nodeB.subject(cookie).hasPerm(perm)).isFalse();

        onA.grantToUser(alice.id(), change);
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("granted to the user").isTrue();
        onA.revokeFromUser(alice.id(), change);
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("revoked from the user").isFalse();
        Group editors = onA.createGroup("editors");
        onA.grantToGroup(editors.id(), change);
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("granted to a group she is not in").isFalse();
        onA.addToGroup(alice.id(), editors.id());
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("added to the group").isTrue();
        onA.revokeFromGroup(editors.id(), change);
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("revoked from the group").isFalse();
        onA.grantToGroup(editors.id(), change);
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("granted to the group again").isTrue();
        onA.removeFromGroup(alice.id(), editors.id());
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("removed from the group").isFalse();
        onA.addToGroup(alice.id(), editors.id());
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("added again").isTrue();
        onA.deleteGroup(editors.id());
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("the group deleted").isFalse();
        onA.grantToUser(alice.id(), change);
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("granted to the user again").isTrue();
        onA.removeUser(alice.id());
        assertThat(nodeB.subject(cookie).hasPerm(perm)).as("all her grants removed").isFalse();
    }

    @Test
    void grantsChangingOnOneNodeWhileTheOtherResolvesEndWithTheOtherSeeingTheLastState() throws Exception {
        User alice = nodeA.accounts().createUser("alice", "alice@example.com", PASSWORD);
        PermissionStore onA = nodeA.permissionStore();
        onA.register(Permission.defaultsFor("blog", "post"));
        Group editors = onA.createGroup("editors");
        onA.addToGroup(alice.id(), editors.id());
        String cookie = login(nodeA, "alice");
        List<Permission> all = Permission.defaultsFor("blog", "post");
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger resolves = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                while (!done.get()) {
                    assertThat(nodeB.subject(cookie).isAuthenticated()).isTrue();
                    resolves.incrementAndGet();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        reader.start();
        java.util.Random random = new java.util.Random(42);
        try {
            for (int i = 0; i < 200; i++) {
                Permission p = all.get(random.nextInt(all.size()));
                switch (random.nextInt(4)) {
                    case 0 -> onA.grantToUser(alice.id(), p);
                    case 1 -> onA.revokeFromUser(alice.id(), p);
                    case 2 -> onA.grantToGroup(editors.id(), p);
                    default -> onA.revokeFromGroup(editors.id(), p);
                }
                if (i % 20 == 19) {
                    assertThat(permissionsOf(nodeB.subject(cookie), all)).as("after change %d", i)
                            .isEqualTo(onA.grantedPermissions(alice.id()));
                }
            }
        } finally {
            done.set(true);
            reader.join(30_000);
        }
        assertThat(failure.get()).as("the reader's failure").isNull();
        assertThat(resolves.get()).isPositive();
        assertThat(permissionsOf(nodeB.subject(cookie), all)).isEqualTo(onA.grantedPermissions(alice.id()));
    }

    private static java.util.Set<Permission> permissionsOf(Subject subject, List<Permission> candidates) {
        java.util.Set<Permission> held = new java.util.TreeSet<>();
        for (Permission p : candidates) {
            if (subject.hasPerm(p.name())) {
                held.add(p);
            }
        }
        return held;
    }

    @Test
    void aLogoutOnOneNodeEndsTheSessionOnTheOther() {
        nodeA.accounts().createUser("alice", "alice@example.com", PASSWORD);
        String cookie = login(nodeA, "alice");
        assertThat(nodeB.subject(cookie).isAuthenticated()).isTrue();

        assertThat(nodeB.authenticator().logout(cookie)).isTrue();

        assertThat(nodeA.subject(cookie).isAuthenticated()).isFalse();
        assertThat(nodeB.subject(cookie).isAuthenticated()).isFalse();
    }

    @Test
    void aPasswordChangeOnOneNodeEndsTheOtherSessionsOnTheOther() {
        nodeA.accounts().createUser("alice", "alice@example.com", PASSWORD);
        String onA = login(nodeA, "alice");
        String laptop = login(nodeB, "alice");
        String phone = login(nodeB, "alice@example.com");

        PasswordChange change = nodeA.accounts().changePassword(onA, PASSWORD, PASSWORD + " changed");

        assertThat(change).isInstanceOf(PasswordChange.Changed.class);
        String continued = ((PasswordChange.Changed) change).session().id();
        assertThat(nodeB.subject(laptop).isAuthenticated()).isFalse();
        assertThat(nodeB.subject(phone).isAuthenticated()).isFalse();
        assertThat(nodeB.subject(onA).isAuthenticated()).as("the old id of the changed session").isFalse();
        assertThat(nodeB.subject(continued).isAuthenticated()).isTrue();
        assertThat(nodeA.subject(continued).isAuthenticated()).isTrue();
    }

    @Test
    void failedLoginsOnBothNodesCountAgainstOneLimit() {
        nodeA.accounts().createUser("alice", "alice@example.com", PASSWORD);
        LoginResult last = null;
        for (int i = 0; i < 40 && !(last instanceof LoginResult.Throttled); i++) {
            Gatehouse node = i % 2 == 0 ? nodeA : nodeB;
            last = node.authenticator().login(LoginRequest.of("alice", "wrong password " + i).from("192.0.2.1"));
        }

        assertThat(last).as("throttled by failures counted on both nodes").isInstanceOf(LoginResult.Throttled.class);
        assertThat(nodeB.authenticator().login(LoginRequest.of("alice", PASSWORD).from("192.0.2.1")))
                .isInstanceOf(LoginResult.Throttled.class);
    }
}
