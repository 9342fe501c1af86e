package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.Gatehouse;
import io.gatehouse.account.PasswordChange;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances, each with its own connection pool and its own {@link Gatehouse}, on one database:
 * what one does, the other sees at once, because no state lives in a node's memory.
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
