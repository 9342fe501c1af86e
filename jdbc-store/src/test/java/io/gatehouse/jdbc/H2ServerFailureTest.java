package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.Gatehouse;
import io.gatehouse.StoreException;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.user.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 in server mode, on an ephemeral port, stopped in the middle of a login and started again: the login fails
 * with a clear transient {@link StoreException}, issues no session and writes nothing, and the next call
 * succeeds once the server is back, with the same pool and the same Gatehouse.
 */
@TestOn(Dialect.H2)
class H2ServerFailureTest {
    private static final String PASSWORD = "correct horse battery staple 42";

    @TempDir
    Path baseDir;

    private Server server;
    private int port;
    private HikariDataSource pool;
    private final HookedHasher hasher = new HookedHasher();
    private Gatehouse gatehouse;
    private JdbcStores stores;

    @BeforeEach
    void startServer() throws SQLException {
        server = Server.createTcpServer("-tcpPort", "0", "-baseDir", baseDir.toString(), "-ifNotExists").start();
        port = server.getPort();
        assertThat(port).isPositive();
        pool = DatabaseFixture.pool(Dialect.H2, 2, c -> {
            c.setJdbcUrl("jdbc:h2:tcp://localhost:" + port + "/gatehouse");
            c.setConnectionTimeout(1_000);
        });
        SchemaInstaller.install(pool);
        stores = JdbcStores.create(pool);
        gatehouse = stores.configure(Gatehouse.builder(SecretKeyRing.generate(new SecureRandom())).passwordHasher(hasher))
                .build();
    }

    @AfterEach
    void stopServer() {
        pool.close();
        server.stop();
    }

    @Test
    void aServerStoppedMidLoginFailsItCleanlyAndTheNextLoginSucceedsOnceItIsBack() throws Exception {
        User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);
        String earlier = ((LoginResult.Success) gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                .session().id();
        User afterFirstLogin = stores.users().findById(alice.id()).orElseThrow();
        hasher.onNextCheck(server::stop);

        assertThatThrownBy(() -> gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("The database did not complete", "retry");
                });
        assertThatThrownBy(() -> gatehouse.subject(earlier)).isInstanceOf(StoreException.class);

        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", baseDir.toString(), "-ifNotExists")
                .start();
        // Hikari re-validates a connection idle for more than half a second; the broken ones are replaced then.
        Thread.sleep(600);

        assertThat(gatehouse.subject(earlier).isAuthenticated()).as("the earlier session survived").isTrue();
        assertThat(stores.sessions().findByUser(alice.id())).as("the failed login issued no session").hasSize(1);
        assertThat(stores.users().findById(alice.id())).as("and wrote nothing").contains(afterFirstLogin);
        assertThat(gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(Files.exists(baseDir.resolve("gatehouse.mv.db"))).isTrue();
    }
}
